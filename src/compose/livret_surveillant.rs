//! stub
use super::{Composed, Ctx};
use crate::wording::WordingError;
pub fn each(_ctx: &Ctx) -> Result<Vec<Composed>, WordingError> {
    Ok(vec![])
}
