//! Checks a loaded session against the regulations (`docs/regles.md`).
//!
//! Each rule is a small function that reads the session and pushes
//! [`Diagnostic`]s; they are grouped by theme in the submodules.

mod amenagement;
mod candidates;
mod deadlines;
mod files;
mod organisation;
mod people;
mod results;
mod structure;
mod timetable;

pub use deadlines::ONE_MONTH_RULE;
pub use files::{files, read_reglement};

use crate::diag::{Diagnostic, Place};
use crate::model::{At, Session};

/// Every rule, in the order their findings are listed.
const RULES: &[fn(&Session, &mut Vec<Diagnostic>)] = &[
    structure::ids_are_slugs,
    structure::codes_have_their_format,
    structure::ids_are_unique,
    structure::references_resolve,
    structure::dates_are_in_order,
    structure::slots_lie_within_the_session,
    structure::ccp_session_names_its_ccp,
    structure::ccp_codes_belong_to_the_title,
    organisation::tests_are_well_formed,
    organisation::collective_tests_have_seats,
    organisation::the_day_holds_every_test,
    organisation::availabilities_are_session_days,
    candidates::identifiants_are_unique,
    candidates::birth_dates_are_plausible,
    people::at_least_two_jurors,
    people::each_candidate_has_a_pair,
    people::accreditations_cover_the_session,
    people::restricted_jurors_keep_to_their_ccp,
    people::jurors_do_not_evaluate_their_trainees,
    people::surveillants_are_neither_trainers_nor_responsable,
    people::responsable_is_not_the_trainer,
    timetable::nobody_is_in_two_places,
    timetable::written_tests_are_taken_together,
    timetable::jury_has_a_lunch_break,
    timetable::nothing_after_six_pm,
    timetable::deliberation_follows_final_interviews,
    timetable::each_candidate_has_a_final_interview,
    amenagement::extra_time_fits,
    amenagement::extra_time_is_structured,
    deadlines::convocations_leave_a_month,
    results::decisions_match_their_ccp,
    results::awarded_ccp_are_covered,
    results::partial_results_have_recommendations,
    results::fraud_reports_match_a_slot,
    results::results_are_all_in,
    organisation::jurors_come_on_their_days,
    results::validation_follows_the_session,
    timetable::lunch_holds_no_jury_slot,
    structure::centre_article_is_known,
    people::courriel_needs_an_address,
];

/// Runs every rule and returns the findings in file order.
pub fn check(session: &Session) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for rule in RULES {
        rule(session, &mut found);
    }
    found.sort_by_key(|d| (d.place.map_or((0, 0), |p| (p.line, p.column)), d.severity));
    found.dedup();
    found
}

/// The place of a spanned value.
fn at<T>(value: &At<T>) -> Option<Place> {
    Place::of(&value.referenced)
}

/// "lejeune, moreau, dupont".
fn known<'a>(ids: impl Iterator<Item = &'a At<String>>) -> String {
    let list: Vec<&str> = ids.map(|i| i.value.as_str()).collect();
    if list.is_empty() {
        "aucun".to_owned()
    } else {
        list.join(", ")
    }
}

/// Same person: same family name and first name, ignoring case and accents.
fn same_person(nom_a: &str, prenom_a: &str, nom_b: &str, prenom_b: &str) -> bool {
    let key = |s: &str| crate::fr::collation_key(s).0;
    key(nom_a) == key(nom_b) && key(prenom_a) == key(prenom_b)
}

/// The ids a reference may name, and how an unknown one is said.
struct Known<'a> {
    ids: Vec<&'a At<String>>,
    /// « le juré », for « le juré « x » n'existe pas ».
    what: &'static str,
    /// « jurés », for « jurés connus : … ».
    label: &'static str,
}

impl<'a> Known<'a> {
    fn new(
        ids: impl Iterator<Item = &'a At<String>>,
        what: &'static str,
        label: &'static str,
    ) -> Self {
        Known {
            ids: ids.collect(),
            what,
            label,
        }
    }

    /// Checks that each id of `refs` is one of the known ids.
    fn resolve<'r>(
        &self,
        out: &mut Vec<Diagnostic>,
        path: &str,
        refs: impl Iterator<Item = (String, &'r At<String>)>,
    ) {
        for (sub, r) in refs {
            if !self.ids.iter().any(|k| k.value == r.value) {
                out.push(
                    Diagnostic::error(
                        format!("{path}{sub}"),
                        at(r),
                        format!("{} « {} » n'existe pas", self.what, r.value),
                    )
                    .help(format!(
                        "{} connus\u{a0}: {}",
                        self.label,
                        known(self.ids.iter().copied())
                    )),
                );
            }
        }
    }

    /// Checks one optional id.
    fn resolve_one(&self, out: &mut Vec<Diagnostic>, path: &str, id: Option<&At<String>>) {
        self.resolve(out, path, id.into_iter().map(|r| (String::new(), r)));
    }
}

fn indexed(ids: &[At<String>]) -> impl Iterator<Item = (String, &At<String>)> {
    ids.iter().enumerate().map(|(i, id)| (format!("[{i}]"), id))
}
