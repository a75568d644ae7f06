//! The half-days of the session as the sign-in sheets list them: who is
//! expected in each, and the slots they sign for.

use super::{CandidateView, PersonView, Plan, SlotView};
use crate::fr;
use crate::model::Date;

/// A morning or an afternoon of the session.
pub struct HalfDay<'p> {
    pub date: Date,
    pub matin: bool,
    /// The half-day's slots that involve candidates.
    pub candidate_slots: Vec<&'p SlotView>,
    /// The half-day's slots that involve the jury or surveillants.
    pub staff_slots: Vec<&'p SlotView>,
    /// The candidates expected, by name, each with their first slot.
    pub expected: Vec<(&'p CandidateView, &'p SlotView)>,
    /// The jurors, then the surveillants, with a slot in the half-day
    /// (`true` for a juror).
    pub staff: Vec<(PersonView, bool)>,
}

impl Plan<'_> {
    /// Every half-day of the session that has slots, in order.
    pub fn half_days(&self) -> Vec<HalfDay<'_>> {
        let jurors = self.jurors_taking_part();
        let surveillants = self.surveillants();
        let mut out = Vec::new();
        for &date in &self.days {
            for matin in [true, false] {
                let in_half = |v: &SlotView| v.date == date && v.matin == matin;
                let half: Vec<&SlotView> = self.slots.iter().filter(|v| in_half(v)).collect();
                let mut expected: Vec<(&CandidateView, &SlotView)> = self
                    .candidates
                    .iter()
                    .filter_map(|c| c.creneaux.iter().find(|v| in_half(v)).map(|v| (c, v)))
                    .collect();
                expected.sort_by_key(|(c, _)| {
                    (
                        fr::collation_key(c.nom_usage.as_deref().unwrap_or(&c.nom_naissance)),
                        fr::collation_key(&c.prenom),
                    )
                });
                let mut staff = Vec::new();
                for j in &jurors {
                    if self.juror_slots(&j.id).iter().any(|v| in_half(v)) {
                        staff.push((j.clone(), true));
                    }
                }
                for m in &surveillants {
                    if self.surveillant_slots(&m.id).iter().any(|v| in_half(v)) {
                        staff.push((m.clone(), false));
                    }
                }
                out.push(HalfDay {
                    date,
                    matin,
                    candidate_slots: half
                        .iter()
                        .copied()
                        .filter(|v| v.tous_les_candidats || !v.candidats.is_empty())
                        .collect(),
                    staff_slots: half
                        .iter()
                        .copied()
                        .filter(|v| v.avec_jury || !v.surveillants.is_empty())
                        .collect(),
                    expected,
                    staff,
                });
            }
        }
        out
    }
}
