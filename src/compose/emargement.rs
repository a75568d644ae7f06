//! stub
use super::{Composed, Ctx};
use crate::wording::WordingError;
pub fn compose(_ctx: &Ctx) -> Result<Composed, WordingError> {
    todo!()
}
