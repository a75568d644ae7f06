//! Blank forms to fill by hand: a PV individuel, a PV de session page and
//! a fraud report, in one document.

use minijinja::Value;

use super::{Composed, Ctx, Kind, fraude, pv_individuel, pv_session};
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
pub fn compose(ctx: &Ctx) -> Result<Composed, Error> {
    let pv = pv_individuel::content(ctx, None)?.blocks;
    let global = pv_session::content(ctx, true)?.blocks;
    let report = fraude::content(ctx, None)?.blocks;
    let title = ctx
        .wording
        .with("commun", ctx.context(Value::UNDEFINED), |t| {
            t.text("formulaires")
        })?;
    let footer = ctx.footer(&title)?;
    let sections = vec![
        Section::portrait(pv),
        Section::landscape(global),
        Section::portrait(report),
    ];
    let stem = "formulaires-vierges".to_owned();
    ctx.for_session(Kind::FormulairesVierges, &stem, title, footer, sections)
}
