//! stub
use super::{Composed, Ctx};
use crate::wording::WordingError;
pub fn affichage(_ctx: &Ctx) -> Result<Vec<Composed>, WordingError> {
    Ok(vec![])
}
pub fn door_signs(_ctx: &Ctx) -> Result<Vec<Composed>, WordingError> {
    Ok(vec![])
}
