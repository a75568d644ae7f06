//! Blank forms to fill by hand: a PV individuel, a PV de session page and
//! a fraud report, in one document.

use minijinja::Value;

use super::{Composed, Composer, Kind, fraude, pv_individuel, pv_session};
use crate::doc::Section;
use crate::error::Error;
use crate::wording::LabelBlock;

/// The labels the three blank forms read (the blank PV de session names
/// no access route: its `voies` are not read).
pub const LABELS: &[LabelBlock] = &[
    pv_individuel::LABELS[0],
    pv_session::LABELS[0],
    fraude::LABELS[0],
];

/// The blank forms.
pub fn compose(ctx: &Composer) -> Result<Composed, Error> {
    let pv = pv_individuel::content(&ctx.of(Kind::PvIndividuel), None)?.blocks;
    let global = pv_session::content(&ctx.of(Kind::PvSession), true)?.blocks;
    let report = fraude::content(&ctx.of(Kind::RapportFraude), None)?.blocks;
    let title = ctx
        .wording
        .with(ctx.template(), ctx.context(Value::UNDEFINED), |t| {
            t.text("formulaires")
        })?;
    let footer = ctx.footer(&title)?;
    let sections = vec![
        Section::portrait(pv),
        Section::landscape(global),
        Section::portrait(report),
    ];
    ctx.for_session(title, footer, sections)
}
