//! Turns the rows of a list into candidates, or says every problem with
//! its row, column and value.

use std::collections::BTreeSet;

use super::table::Table;
use crate::model::{Civilite, Voie};

/// A candidate read from a row, every value checked.
pub struct NewCandidate {
    pub id: String,
    pub civilite: Civilite,
    pub nom: String,
    pub nom_usage: Option<String>,
    pub prenom: String,
    pub identifiant: String,
    pub date_naissance: Option<String>,
    pub voie: Voie,
    pub adresse: Vec<String>,
    pub formateur: Option<String>,
    pub amenagement: Option<String>,
    pub jury: Vec<String>,
}

/// A problem of one cell.
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub what: String,
}

/// The candidates already in the session file.
pub struct Known {
    /// Their ids.
    pub ids: BTreeSet<String>,
    /// Their N° candidat (`identifiant`).
    pub identifiants: BTreeSet<String>,
}

/// What the rows give: the new candidates, and the lines to say about
/// some rows (a candidate already in the session and left out, a name
/// and first name that look swapped).
pub struct Read {
    pub new: Vec<NewCandidate>,
    pub notes: Vec<String>,
}

/// The candidates of the table, their ids made unique against those
/// already in the session file, or every problem found.
pub fn candidates(
    table: &Table,
    fields: &[Option<&'static str>],
    known: &Known,
) -> Result<Read, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut notes = Vec::new();
    let mut ids = known.ids.clone();
    let mut identifiants = BTreeSet::new();
    for (row, cells) in &table.rows {
        let mut r = Row {
            table,
            fields,
            row: *row,
            cells,
            problems: &mut problems,
        };
        let (nom, prenom) = r.names();
        if prenom.split_whitespace().all(crate::fr::in_capitals)
            && !nom.split_whitespace().any(crate::fr::in_capitals)
        {
            notes.push(format!(
                "ligne {row}\u{a0}: le prénom « {prenom} » est en capitales, le nom « {nom} » ne l'est pas\u{a0}: les colonnes Nom et Prénom seraient-elles inversées\u{a0}?"
            ));
        }
        let (civilite, voie, date_naissance) = (r.civilite(), r.voie(), r.birth_date());
        let identifiant = r.get("identifiant");
        if identifiant.1.is_empty() {
            r.problem(identifiant.clone(), "le numéro du candidat manque");
        } else if known.identifiants.contains(&identifiant.1) {
            notes.push(format!(
                "ligne {row}\u{a0}: {nom} {prenom} (N° {}) est déjà dans la session, il n'est pas ajouté de nouveau",
                identifiant.1
            ));
            continue;
        } else if !identifiants.insert(identifiant.1.clone()) {
            r.problem(
                identifiant.clone(),
                "ce numéro de candidat est déjà celui d'une autre ligne de la liste",
            );
        }
        let adresse = r.address();
        let jury: Vec<String> = r
            .get("jury")
            .1
            .split([',', ';', ' '])
            .filter(|j| !j.is_empty())
            .map(str::to_owned)
            .collect();
        let id = r.id(&nom, &prenom, &ids);
        ids.insert(id.clone());
        out.push(NewCandidate {
            id,
            civilite,
            nom,
            nom_usage: r.optional("nom_usage"),
            prenom,
            identifiant: identifiant.1,
            date_naissance,
            voie,
            adresse,
            formateur: r.optional("formateur"),
            amenagement: r.optional("amenagement"),
            jury,
        });
    }
    if problems.is_empty() {
        Ok(Read { new: out, notes })
    } else {
        Err(problems)
    }
}

/// One row being read, and where its problems go.
struct Row<'a> {
    table: &'a Table,
    fields: &'a [Option<&'static str>],
    row: usize,
    cells: &'a [String],
    problems: &'a mut Vec<Problem>,
}

impl Row<'_> {
    /// The column of a field and its trimmed value (empty when the list
    /// has no such column).
    fn get(&self, field: &str) -> (String, String) {
        self.fields
            .iter()
            .position(|f| *f == Some(field))
            .map(|i| {
                (
                    self.table.headers[i].clone(),
                    self.cells
                        .get(i)
                        .map(|c| c.trim().to_owned())
                        .unwrap_or_default(),
                )
            })
            .unwrap_or_else(|| (field.to_owned(), String::new()))
    }

    /// A field's value, if it is given.
    fn optional(&self, field: &str) -> Option<String> {
        let (_, value) = self.get(field);
        (!value.is_empty()).then_some(value)
    }

    /// A field that must be given: a problem when it is empty.
    fn required(&mut self, field: &str, missing: &str) -> (String, String) {
        let cell = self.get(field);
        if cell.1.is_empty() {
            self.problem(cell.clone(), missing);
        }
        cell
    }

    fn problem(&mut self, (column, value): (String, String), what: &str) {
        self.problems.push(Problem {
            row: self.row,
            column,
            value,
            what: what.to_owned(),
        });
    }

    /// The family name and the first name: from their own columns, or
    /// split from one « NOM Prénom » column when the list has no other.
    fn names(&mut self) -> (String, String) {
        let has = |field| self.fields.contains(&Some(field));
        if !has("nom") && has("nom_prenom") {
            let both = self.get("nom_prenom");
            return match crate::fr::split_nom_prenom(&both.1) {
                Some(names) => names,
                None => {
                    let what = if both.1.is_empty() {
                        "le nom et le prénom manquent"
                    } else {
                        "nom et prénom indiscernables\u{a0}: écrivez le nom en capitales (« DUPONT Marie ») ou donnez deux colonnes, Nom et Prénom"
                    };
                    self.problem(both.clone(), what);
                    (both.1, String::new())
                }
            };
        }
        let nom = self.required("nom", "le nom manque");
        let prenom = self.required("prenom", "le prénom manque");
        (nom.1, prenom.1)
    }

    fn civilite(&mut self) -> Civilite {
        match super::columns::normalise(&self.get("civilite").1).as_str() {
            "m" | "mr" | "monsieur" => Civilite::M,
            "mme" | "madame" | "mlle" | "mademoiselle" => Civilite::Mme,
            _ => {
                self.problem(self.get("civilite"), "civilité attendue\u{a0}: M. ou Mme");
                Civilite::M
            }
        }
    }

    /// The access route; an empty cell is training.
    fn voie(&mut self) -> Voie {
        match super::columns::normalise(&self.get("voie").1).as_str() {
            "" | "formation" | "parcours de formation" => Voie::Formation,
            "vae" | "validation des acquis de l experience" => Voie::Vae,
            "equivalence" | "par equivalence" | "correspondance" => Voie::Equivalence,
            _ => {
                self.problem(
                    self.get("voie"),
                    "voie d'accès inconnue\u{a0}: formation, VAE ou équivalence",
                );
                Voie::Formation
            }
        }
    }

    fn birth_date(&mut self) -> Option<String> {
        let text = self.optional("date_naissance")?;
        date(&text)
            .map_err(|what| self.problem(self.get("date_naissance"), what))
            .ok()
    }

    /// The address lines, then the postcode and town as the last line.
    fn address(&mut self) -> Vec<String> {
        let mut adresse: Vec<String> = self
            .get("adresse")
            .1
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        let town = [self.get("code_postal").1, self.get("ville").1]
            .join(" ")
            .trim()
            .to_owned();
        if !town.is_empty() {
            adresse.push(town);
        }
        if adresse.is_empty() {
            self.problem(
                self.get("adresse"),
                "l'adresse manque (pour la convocation)",
            );
        }
        adresse
    }

    /// The id given in the list, checked, or one made from the name.
    fn id(&mut self, nom: &str, prenom: &str, ids: &BTreeSet<String>) -> String {
        let given = self.get("id");
        if given.1.is_empty() {
            return unique(nom_usage_or(&self.get("nom_usage").1, nom), prenom, ids);
        }
        if !is_slug(&given.1) {
            self.problem(
                given.clone(),
                "identifiant invalide\u{a0}: lettres minuscules sans accent, chiffres, - ou _",
            );
        } else if ids.contains(&given.1) {
            self.problem(
                given.clone(),
                "cet identifiant est déjà pris (dans le fichier ou la liste)",
            );
        }
        given.1
    }
}

fn nom_usage_or<'a>(usage: &'a str, nom: &'a str) -> &'a str {
    if usage.is_empty() { nom } else { usage }
}

/// An id as the session file wants it: `[a-z0-9_-]+`.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The longest id made from a name (a file name is made of it).
const MAX_ID_CHARS: usize = 40;

/// `JJ/MM/AAAA` (or `AAAA-MM-JJ`, as a workbook's date cell) as
/// `AAAA-MM-JJ`; a time after the date (« 28/02/1999 14:30 ») is dropped.
pub(crate) fn date(text: &str) -> Result<String, &'static str> {
    let day = text.split([' ', 'T']).next().unwrap_or_default().trim();
    let year_digits = if day.contains('/') {
        day.rsplit('/').next().unwrap_or_default().len()
    } else {
        day.split('-').next().unwrap_or_default().len()
    };
    if year_digits == 2 {
        return Err(
            "année sur deux chiffres\u{a0}: écrivez l'année en entier (JJ/MM/AAAA, par exemple 12/04/1991)",
        );
    }
    let parsed = chrono::NaiveDate::parse_from_str(day, "%d/%m/%Y")
        .or_else(|_| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d"))
        .map_err(|_| "date inexistante ou illisible (JJ/MM/AAAA)")?;
    let today = chrono::Local::now().date_naive();
    if year_digits != 4 || chrono::Datelike::year(&parsed) < 1900 || parsed > today {
        return Err("date de naissance impossible (avant 1900 ou dans l'avenir)");
    }
    Ok(parsed.format("%Y-%m-%d").to_string())
}

/// An id from a name: its words lowercase without accents or apostrophes,
/// joined by `-` (« LE GALL » gives `le-gall`, « O'BRIEN » `obrien`); the
/// particles written in lowercase before it are left out (« de
/// SAINT-EXUPÉRY » gives `saint-exupery`).
fn slug(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first_capital = words
        .iter()
        .position(|w| w.chars().any(char::is_uppercase))
        .unwrap_or(0);
    let plain =
        super::columns::normalise(&words[first_capital..].join(" ").replace(['\'', '’'], ""));
    let id = shortened(&plain.replace(' ', "-"), MAX_ID_CHARS);
    if id.is_empty() {
        "candidat".to_owned()
    } else {
        id
    }
}

/// An ASCII id cut to `max` characters, never ending with `-`.
fn shortened(id: &str, max: usize) -> String {
    id[..id.len().min(max)].trim_end_matches('-').to_owned()
}

/// The id of `nom`: its slug, or with the first name for a namesake
/// (`martin-paul`), or numbered (`martin-paul-2`) when that is taken too.
fn unique(nom: &str, prenom: &str, taken: &BTreeSet<String>) -> String {
    let base = slug(nom);
    if !taken.contains(&base) {
        return base;
    }
    let with_first_name = shortened(
        &format!("{base}-{}", slug(&prenom.to_uppercase())),
        MAX_ID_CHARS,
    );
    if !taken.contains(&with_first_name) {
        return with_first_name;
    }
    (2..)
        .map(|n| format!("{}-{n}", shortened(&with_first_name, MAX_ID_CHARS - 4)))
        .find(|id| !taken.contains(id))
        .unwrap_or(with_first_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_from_the_whole_name() {
        assert_eq!(slug("de SAINT-EXUPÉRY"), "saint-exupery");
        assert_eq!(slug("LE GALL"), "le-gall");
        assert_eq!(slug("MARTIN-LEFÈBVRE"), "martin-lefebvre");
        assert_eq!(slug("O'BRIEN"), "obrien");
        assert!(slug(&"A".repeat(300)).len() <= MAX_ID_CHARS);
        assert_eq!(slug("--"), "candidat");
    }

    #[test]
    fn namesakes_are_told_apart_by_their_first_name() {
        let mut taken = BTreeSet::new();
        taken.insert("martin".to_owned());
        assert_eq!(unique("MARTIN", "Paul", &taken), "martin-paul");
        taken.insert("martin-paul".to_owned());
        assert_eq!(unique("MARTIN", "Paul", &taken), "martin-paul-2");
    }

    #[test]
    fn dates_keep_their_day_and_want_four_digit_years() {
        assert_eq!(date("28/02/1999 14:30"), Ok("1999-02-28".to_owned()));
        assert_eq!(date("1999-02-28T00:00:00"), Ok("1999-02-28".to_owned()));
        assert!(date("12/04/91").unwrap_err().contains("deux chiffres"));
        assert!(date("12/04/1891").unwrap_err().contains("avant 1900"));
    }
}
