//! stub
use super::{Composed, Ctx, Filter};
use crate::wording::WordingError;
pub fn each(_ctx: &Ctx, _f: &Filter) -> Result<Vec<Composed>, WordingError> {
    Ok(vec![])
}
pub fn lot(_ctx: &Ctx, _f: &Filter) -> Result<Vec<Composed>, WordingError> {
    Ok(vec![])
}
