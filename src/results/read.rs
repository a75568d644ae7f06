//! Reads results from a table (the grid filled by the jury, or any list
//! whose columns say the candidate and the decision): each row's decision
//! and CCPs, checked against each other and against the session, or every
//! problem with its row, column and value.

use std::collections::BTreeMap;

use super::{Labels, NewResult};
use crate::import::columns::{normalise, usual_field};
use crate::import::dates::birth_date;
use crate::import::rows::Problem;
use crate::import::table::Table;
use crate::model::{Candidat, Decision, Session};

/// What a column of the list gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Identifiant,
    Nom,
    Prenom,
    NomPrenom,
    Naissance,
    Presence,
    Decision,
    Observations,
    /// The CCP codes obtained, in one cell.
    CcpList,
    /// One CCP, the cell marked when it is obtained.
    Ccp(String),
}

/// The role of a header, if it has one.
pub fn role(header: &str, l: &Labels) -> Option<Role> {
    let h = normalise(header);
    let is = |names: &[&str], label: &str| names.contains(&h.as_str()) || h == normalise(label);
    if is(&["decision", "resultat", "decision du jury"], &l.decision) {
        return Some(Role::Decision);
    }
    if is(
        &["observations", "preconisations", "observations du jury"],
        &l.observations,
    ) {
        return Some(Role::Observations);
    }
    if is(&["presence"], &l.presence) {
        return Some(Role::Presence);
    }
    if is(&["ccp", "ccp obtenus", "ccp acquis"], &l.ccp_obtenus) {
        return Some(Role::CcpList);
    }
    let first = header.split_whitespace().next().unwrap_or_default();
    if first.len() > 3
        && first
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("CP-"))
    {
        return Some(Role::Ccp(first.to_uppercase()));
    }
    match usual_field(header)? {
        "identifiant" => Some(Role::Identifiant),
        "nom" | "nom_usage" => Some(Role::Nom),
        "prenom" => Some(Role::Prenom),
        "nom_prenom" => Some(Role::NomPrenom),
        "date_naissance" => Some(Role::Naissance),
        _ => None,
    }
}

/// What the rows give: the results by candidate (index in the session),
/// and notes on the candidates left without one.
pub struct Found {
    pub results: Vec<(usize, NewResult)>,
    pub notes: Vec<String>,
}

/// The results of the table, or every problem found.
pub fn results(
    table: &Table,
    s: &Session,
    l: &Labels,
    covered: &[String],
) -> Result<Found, Vec<Problem>> {
    let roles: Vec<Option<Role>> = table.headers.iter().map(|h| role(h, l)).collect();
    let mut problems = Vec::new();
    for (header, r) in table.headers.iter().zip(&roles) {
        if let Some(Role::Ccp(code)) = r
            && !covered.contains(code)
        {
            problems.push(Problem {
                row: table.header_row,
                column: header.clone(),
                value: header.clone(),
                what: format!(
                    "ce CCP n'est pas un CCP de la session (CCP de la session\u{a0}: {})",
                    covered.join(", ")
                ),
            });
        }
    }
    let has = |r: Role| roles.contains(&Some(r));
    let names_candidate = has(Role::Identifiant) || has(Role::Nom) || has(Role::NomPrenom);
    if !names_candidate || !has(Role::Decision) {
        problems.push(Problem {
            row: table.header_row,
            column: table.headers.join(" | "),
            value: String::new(),
            what: "il faut une colonne qui désigne le candidat (N° candidat, ou Nom et Prénom) et une colonne Décision".to_owned(),
        });
        return Err(problems);
    }
    let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
    let mut results = Vec::new();
    let mut empty = Vec::new();
    for (row, cells) in &table.rows {
        let mut r = Row {
            table,
            roles: &roles,
            row: *row,
            cells,
            problems: &mut problems,
        };
        let Some(i) = r.candidate(s) else { continue };
        if let Some(first) = seen.insert(i, *row) {
            let cell = r.naming_cell();
            r.problem(cell, format!("ce candidat est déjà sur la ligne {first}"));
            continue;
        }
        match r.result(&s.candidats.value[i], l, covered) {
            Some(Some(result)) => results.push((i, result)),
            Some(None) => empty.push(i),
            None => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Found {
        results,
        notes: notes(s, &seen, &empty),
    })
}

/// The candidates the list leaves without a decision, and those it does
/// not name.
fn notes(s: &Session, seen: &BTreeMap<usize, usize>, empty: &[usize]) -> Vec<String> {
    let name = |i: &usize| {
        let c = &s.candidats.value[*i];
        crate::fr::nom_prenom(c.nom_affiche(), &c.prenom)
    };
    let mut notes = Vec::new();
    if !empty.is_empty() {
        let names: Vec<String> = empty.iter().map(name).collect();
        notes.push(format!(
            "Sans décision dans la liste, leur résultat est laissé tel quel\u{a0}: {}",
            names.join(", ")
        ));
    }
    let missing: Vec<String> = (0..s.candidats.value.len())
        .filter(|i| !seen.contains_key(i))
        .map(|i| name(&i))
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "Absents de la liste, leur résultat est laissé tel quel\u{a0}: {}",
            missing.join(", ")
        ));
    }
    notes
}

/// One row being read, and where its problems go.
struct Row<'a> {
    table: &'a Table,
    roles: &'a [Option<Role>],
    row: usize,
    cells: &'a [String],
    problems: &'a mut Vec<Problem>,
}

/// A column's header and a cell's trimmed value.
type Cell = (String, String);

impl Row<'_> {
    /// The cells of the columns of a role.
    fn cells(&self, role: &Role) -> Vec<Cell> {
        self.roles
            .iter()
            .enumerate()
            .filter(|(_, r)| r.as_ref() == Some(role))
            .map(|(i, _)| {
                let value = self.cells.get(i).map(|c| c.trim().to_owned());
                (self.table.headers[i].clone(), value.unwrap_or_default())
            })
            .collect()
    }

    /// The first cell of a role (empty when there is no such column).
    fn get(&self, role: &Role) -> Cell {
        self.cells(role).into_iter().next().unwrap_or_default()
    }

    fn problem(&mut self, (column, value): Cell, what: String) {
        self.problems.push(Problem {
            row: self.row,
            column,
            value,
            what,
        });
    }

    /// The cell that names the candidate: the number, else the name.
    fn naming_cell(&self) -> Cell {
        [Role::Identifiant, Role::Nom, Role::NomPrenom]
            .iter()
            .map(|r| self.get(r))
            .find(|(column, _)| !column.is_empty())
            .unwrap_or_default()
    }

    /// The candidate of the row, by number, else by name; and whether the
    /// names and birth date given are the candidate's.
    fn candidate(&mut self, s: &Session) -> Option<usize> {
        let number = self.get(&Role::Identifiant);
        let names = self.names();
        let same = |a: &str, b: &str| normalise(a) == normalise(b);
        let is_named = |c: &Candidat, (nom, prenom): &(String, String)| {
            (same(&c.nom, nom) || c.nom_usage.as_deref().is_some_and(|u| same(u, nom)))
                && (prenom.is_empty() || same(&c.prenom, prenom))
        };
        let found = if !number.0.is_empty() {
            if number.1.is_empty() {
                self.problem(number, "le numéro du candidat manque".to_owned());
                return None;
            }
            s.candidats
                .value
                .iter()
                .position(|c| c.identifiant == number.1)
        } else {
            names
                .as_ref()
                .and_then(|n| s.candidats.value.iter().position(|c| is_named(c, n)))
        };
        let Some(i) = found else {
            let cell = self.naming_cell();
            let what = if cell.1.is_empty() {
                "le candidat n'est pas désigné"
            } else {
                "aucun candidat de la session ne correspond\u{a0}: vérifiez la ligne, ou ajoutez le candidat (sessiondoc importer)"
            };
            self.problem(cell, what.to_owned());
            return None;
        };
        let c = &s.candidats.value[i];
        if let Some(n) = &names
            && !number.0.is_empty()
            && !is_named(c, n)
        {
            let cell = self.naming_cell();
            let names_cell = self.get(&Role::Nom);
            let shown = crate::fr::nom_prenom(c.nom_affiche(), &c.prenom);
            self.problem(
                if names_cell.0.is_empty() {
                    cell
                } else {
                    names_cell
                },
                format!(
                    "le N° {} est celui de {shown}\u{a0}: vérifiez la ligne",
                    c.identifiant
                ),
            );
        }
        self.check_birth_date(c);
        Some(i)
    }

    /// The family name and first name given, if any.
    fn names(&self) -> Option<(String, String)> {
        let nom = self.get(&Role::Nom);
        if !nom.0.is_empty() {
            return Some((nom.1, self.get(&Role::Prenom).1));
        }
        let both = self.get(&Role::NomPrenom).1;
        crate::fr::split_nom_prenom(&both)
    }

    /// A birth date given is a date, with its year in full, and the
    /// candidate's.
    fn check_birth_date(&mut self, c: &Candidat) {
        let cell = self.get(&Role::Naissance);
        if cell.1.is_empty() {
            return;
        }
        match birth_date(&cell.1) {
            Err(what) => self.problem(cell, what),
            Ok(date) => {
                let known = c.date_naissance.map(|d| d.0.format("%Y-%m-%d").to_string());
                if known.is_some_and(|k| k != date) {
                    let shown = c
                        .date_naissance
                        .map(crate::fr::short_date)
                        .unwrap_or_default();
                    self.problem(
                        cell,
                        format!(
                            "le candidat N° {} est né le {shown}\u{a0}: vérifiez la ligne",
                            c.identifiant
                        ),
                    );
                }
            }
        }
    }
}

/// A decision as written in a cell: the grid's words, or the file's.
fn decision(value: &str, l: &Labels) -> Option<Decision> {
    let v = normalise(value);
    [
        Decision::Absent,
        Decision::Reussite,
        Decision::ReussitePartielle,
        Decision::Echec,
    ]
    .into_iter()
    .find(|d| v == normalise(l.decision(*d)) || v == normalise(&crate::model::written(*d)))
}

/// Whether a CCP's cell marks it obtained: `Some(false)` left empty or
/// « non », `None` when it is neither a mark nor empty.
fn marked(value: &str, l: &Labels) -> Option<bool> {
    let v = normalise(value);
    if ["✓", "✔", "☑"].contains(&value) || v == normalise(&l.marque) {
        return Some(true);
    }
    if ["", "-"].contains(&value) {
        return Some(false);
    }
    match v.as_str() {
        "x" | "oui" | "o" | "1" | "acquis" | "obtenu" => Some(true),
        "non" | "n" | "0" => Some(false),
        _ => None,
    }
}

impl Row<'_> {
    /// The row's result: `Some(None)` when nothing is filled in, `None`
    /// when a problem was found.
    fn result(
        &mut self,
        c: &Candidat,
        l: &Labels,
        covered: &[String],
    ) -> Option<Option<NewResult>> {
        let before = self.problems.len();
        let obtained = self.obtained(l, covered);
        let observations = self.get(&Role::Observations).1;
        let cell = self.get(&Role::Decision);
        let found = decision(&cell.1, l);
        if cell.1.is_empty() {
            if obtained.is_empty() && observations.is_empty() {
                return (self.problems.len() == before).then_some(None);
            }
            self.problem(
                cell,
                "la décision manque\u{a0}: choisissez Absent, Réussite, Réussite partielle ou Échec"
                    .to_owned(),
            );
            return None;
        }
        let Some(d) = found else {
            self.problem(
                cell,
                "décision inconnue\u{a0}: Absent, Réussite, Réussite partielle ou Échec".to_owned(),
            );
            return None;
        };
        if let Some(what) = contradiction(d, &obtained, covered, l) {
            self.problem(cell.clone(), what);
        }
        let presence = self.get(&Role::Presence);
        if normalise(&presence.1) == normalise(&l.absent) && d != Decision::Absent {
            self.problem(
                cell,
                format!(
                    "{} {} est marqué absent (colonne « {} »)\u{a0}: seule la décision {} convient",
                    crate::fr::civilite(c.civilite),
                    crate::fr::nom_prenom(c.nom_affiche(), &c.prenom),
                    presence.0,
                    l.choix_absent
                ),
            );
        }
        (self.problems.len() == before).then(|| {
            Some(NewResult {
                decision: d,
                ccp: obtained,
                observations: (!observations.is_empty()).then_some(observations),
            })
        })
    }

    /// The CCPs the row marks obtained, in the session's order; a CCP
    /// named that the session does not cover is a problem.
    fn obtained(&mut self, l: &Labels, covered: &[String]) -> Vec<String> {
        let mut codes = Vec::new();
        let roles = self.roles;
        for (i, r) in roles.iter().enumerate() {
            let Some(Role::Ccp(code)) = r else { continue };
            let value = self.cells.get(i).map(|c| c.trim().to_owned());
            let value = value.unwrap_or_default();
            match marked(&value, l) {
                Some(true) => codes.push(code.clone()),
                Some(false) => {}
                None => {
                    let header = self.table.headers[i].clone();
                    self.problem(
                        (header, value),
                        format!("marque attendue\u{a0}: {} (CCP obtenu) ou rien", l.marque),
                    );
                }
            }
        }
        for (column, value) in self.cells(&Role::CcpList) {
            for code in value
                .split([',', ';', ' ', '\n', '/'])
                .filter(|c| !c.is_empty())
            {
                let code = code.to_uppercase();
                if covered.contains(&code) {
                    codes.push(code);
                } else {
                    self.problem(
                        (column.clone(), value.clone()),
                        format!(
                            "« {code} » n'est pas un CCP de la session (CCP de la session\u{a0}: {})",
                            covered.join(", ")
                        ),
                    );
                }
            }
        }
        covered
            .iter()
            .filter(|c| codes.contains(c))
            .cloned()
            .collect()
    }
}

/// What is wrong with a decision given the CCPs marked, if anything.
fn contradiction(
    d: Decision,
    obtained: &[String],
    covered: &[String],
    l: &Labels,
) -> Option<String> {
    let missing: Vec<&str> = covered
        .iter()
        .filter(|c| !obtained.contains(c))
        .map(String::as_str)
        .collect();
    match d {
        Decision::Reussite if !missing.is_empty() => Some(format!(
            "une réussite attribue tous les CCP de la session, il manque {}\u{a0}: marquez-les, ou choisissez {}",
            missing.join(", "),
            l.choix_partielle
        )),
        Decision::ReussitePartielle if obtained.is_empty() => Some(format!(
            "une réussite partielle attribue au moins un CCP\u{a0}: marquez ceux obtenus, ou choisissez {}",
            l.choix_echec
        )),
        Decision::ReussitePartielle if missing.is_empty() => Some(format!(
            "une réussite partielle n'attribue pas tous les CCP de la session\u{a0}: retirez la marque des CCP non obtenus, ou choisissez {}",
            l.choix_reussite
        )),
        Decision::Echec | Decision::Absent if !obtained.is_empty() => Some(format!(
            "la décision {} n'attribue aucun CCP (marqués\u{a0}: {})\u{a0}: retirez les marques, ou corrigez la décision",
            l.decision(d),
            obtained.join(", ")
        )),
        _ => None,
    }
}
