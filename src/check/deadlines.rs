//! Deadlines that can be checked against the dates in the file.

use super::at;
use crate::diag::Diagnostic;
use crate::fr;
use crate::model::Session;

/// The rule the convocations' date is checked against, as a warning's help
/// cites it (here and when corrected documents go out late).
pub const ONE_MONTH_RULE: &str = "la convocation part au moins un mois avant le début de la session, règlement général des sessions d'examen, arrêté du 21 juillet 2016";

/// Warning: the convocations go out less than one month before the first day.
pub fn convocations_leave_a_month(s: &Session, out: &mut Vec<Diagnostic>) {
    let sent = &s.session.convocation.date;
    let latest = crate::deadlines::convocations_by(s.session.debut.value);
    if sent.value > latest {
        out.push(
            Diagnostic::warning(
                "session.convocation.date",
                at(sent),
                format!(
                    "les convocations partent le {}, moins d'un mois avant le début de la session ({})",
                    fr::long_date(sent.value),
                    fr::long_date(s.session.debut.value)
                ),
            )
            .help(format!(
                "envoyez-les au plus tard le {} (règle\u{a0}: {ONE_MONTH_RULE}) ; une convocation rectificative envoyée plus tard laisse au candidat moins que le délai réglementaire",
                fr::long_date(latest)
            )),
        );
    }
}
