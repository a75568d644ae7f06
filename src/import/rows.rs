//! Turns the rows of a list into candidates, or says every problem with
//! its row, column and value; compares the rows already in the session
//! with their candidate.

use std::collections::BTreeSet;

use super::known::{COMPARED, Known, KnownCandidate};
use super::table::Table;
use crate::model::{Civilite, Voie, written};

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
    pub telephone: Option<String>,
    pub email: Option<String>,
    /// The aménagement is a tiers-temps (`temps_supplementaire: tiers_temps`).
    pub tiers_temps: bool,
}

/// A problem of one cell.
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub what: String,
}

/// The values a row gives for a candidate already in the session, where
/// they differ from the file's.
pub struct Update {
    /// The candidate's id in the file.
    pub id: String,
    /// Each changed field and its value as YAML.
    pub fields: Vec<(&'static str, String)>,
}

/// What the rows give: the new candidates, the corrections of those
/// already in the session, and the lines to say about some rows (a
/// candidate already in the session, a name and first name that look
/// swapped, a value completed).
pub struct Read {
    pub new: Vec<NewCandidate>,
    pub updates: Vec<Update>,
    pub notes: Vec<String>,
}

/// A person of the list as compared with the others: name, first name
/// and birth date, folded; the row and number they came with.
type Person = (String, usize, String);

/// The candidates of the table, their ids made unique against those
/// already in the session file, or every problem found.
pub fn candidates(
    table: &Table,
    fields: &[Option<&'static str>],
    known: &Known,
) -> Result<Read, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut read = Read {
        new: Vec::new(),
        updates: Vec::new(),
        notes: Vec::new(),
    };
    let mut ids = known.ids.clone();
    let mut identifiants = BTreeSet::new();
    let mut people: Vec<Person> = Vec::new();
    for (row, cells) in &table.rows {
        let (mut row_problems, mut row_notes) = (Vec::new(), Vec::new());
        let mut r = Row {
            table,
            fields,
            known,
            row: *row,
            cells,
            problems: &mut row_problems,
            notes: &mut row_notes,
        };
        let mut c = r.candidate();
        if let Some(file) = known.by_identifiant(&c.identifiant) {
            // A cell that could not be read is not a correction.
            let unread: Vec<&str> = COMPARED
                .into_iter()
                .filter(|f| {
                    let column = r.get(f).0;
                    r.problems.iter().any(|p| p.column == column)
                })
                .collect();
            read.notes
                .extend(compared(*row, &c, file, &unread, &mut read.updates));
            continue;
        }
        let identifiant = r.get("identifiant");
        if identifiant.1.is_empty() {
            r.problem(identifiant, "le numéro du candidat manque");
        } else if !identifiants.insert(identifiant.1.clone()) {
            r.problem(
                identifiant,
                "ce numéro de candidat est déjà celui d'une autre ligne de la liste",
            );
        }
        c.id = r.id(&c.nom, &c.prenom, &ids);
        ids.insert(c.id.clone());
        row_notes.extend(same_person(*row, &c, known, &mut people));
        problems.append(&mut row_problems);
        read.notes.append(&mut row_notes);
        read.new.push(c);
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems)
    }
}

/// The values of a row as the file writes them (the address lines joined
/// by « , »), for the fields the row gives; with their YAML.
fn values(c: &NewCandidate) -> Vec<(&'static str, String, String)> {
    let text = |f: &'static str, v: &str| (f, v.to_owned(), crate::session_text::quoted(v));
    let mut out = vec![
        ("civilite", written(c.civilite), written(c.civilite)),
        text("nom", &c.nom),
        text("prenom", &c.prenom),
    ];
    let optional = [
        ("nom_usage", &c.nom_usage),
        ("telephone", &c.telephone),
        ("email", &c.email),
    ];
    out.extend(
        optional
            .into_iter()
            .filter_map(|(f, v)| v.as_deref().map(|v| text(f, v))),
    );
    if let Some(d) = &c.date_naissance {
        out.push(("date_naissance", d.clone(), d.clone()));
    }
    if !c.adresse.is_empty() {
        out.push((
            "adresse",
            c.adresse.join(", "),
            crate::session_text::flow(&c.adresse),
        ));
    }
    out
}

/// What a row says of a candidate already in the session: nothing new,
/// or the values that differ (and the update that would apply them).
fn compared(
    row: usize,
    c: &NewCandidate,
    file: &KnownCandidate,
    unread: &[&str],
    updates: &mut Vec<Update>,
) -> Vec<String> {
    let who = format!(
        "{} {} (N° {})",
        file.values["nom"], file.values["prenom"], c.identifiant
    );
    let mut lines = Vec::new();
    let mut fields = Vec::new();
    for (field, value, yaml) in values(c) {
        let before = file.values.get(field).cloned().unwrap_or_default();
        if COMPARED.contains(&field) && !unread.contains(&field) && before != value {
            lines.push(format!("    {field}\u{a0}: « {before} » → « {value} »"));
            fields.push((field, yaml));
        }
    }
    if fields.is_empty() {
        return vec![format!(
            "ligne {row}\u{a0}: {who} est déjà dans la session, il n'est pas ajouté de nouveau"
        )];
    }
    updates.push(Update {
        id: file.id.clone(),
        fields,
    });
    let mut out = vec![format!(
        "ligne {row}\u{a0}: {who} est déjà dans la session\u{a0}; la liste diffère\u{a0}:"
    )];
    out.extend(lines);
    out
}

/// A note when the same name and birth date came already, in the file or
/// in an earlier row, under another number.
fn same_person(
    row: usize,
    c: &NewCandidate,
    known: &Known,
    people: &mut Vec<Person>,
) -> Option<String> {
    let date = c.date_naissance.as_deref()?;
    let key = |nom: &str, prenom: &str, date: &str| {
        super::columns::normalise(&format!("{nom} {prenom} {date}"))
    };
    let this = key(&c.nom, &c.prenom, date);
    let born = format!(
        "{} le {}",
        if c.civilite == Civilite::Mme {
            "née"
        } else {
            "né"
        },
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map(|d| crate::fr::day_month_year(crate::model::Date(d)))
            .unwrap_or_else(|_| date.to_owned())
    );
    let who = format!("{} {}, {born},", c.nom, c.prenom);
    let check = "vérifiez qu'il ne s'agit pas de la même personne";
    let in_file = known.candidates.iter().find(|k| {
        key(
            &k.values["nom"],
            &k.values["prenom"],
            &k.values["date_naissance"],
        ) == this
    });
    let note = match (in_file, people.iter().find(|p| p.0 == this)) {
        (Some(k), _) => Some(format!(
            "ligne {row}\u{a0}: {who} est déjà dans la session sous le N° {}\u{a0}: {check}",
            k.identifiant
        )),
        (None, Some((_, first, number))) => Some(format!(
            "ligne {row}\u{a0}: {who} est déjà à la ligne {first} sous le N° {number}\u{a0}: {check}"
        )),
        (None, None) => None,
    };
    people.push((this, row, c.identifiant.clone()));
    note
}

/// One row being read, and where its problems go.
struct Row<'a> {
    table: &'a Table,
    fields: &'a [Option<&'static str>],
    known: &'a Known,
    row: usize,
    cells: &'a [String],
    problems: &'a mut Vec<Problem>,
    notes: &'a mut Vec<String>,
}

impl Row<'_> {
    /// Every value of the row, checked; the id is made afterwards, for a
    /// candidate new to the session.
    fn candidate(&mut self) -> NewCandidate {
        let (nom, prenom) = self.names();
        if prenom.split_whitespace().all(crate::fr::in_capitals)
            && !nom.split_whitespace().any(crate::fr::in_capitals)
        {
            self.note(format!(
                "le prénom « {prenom} » est en capitales, le nom « {nom} » ne l'est pas\u{a0}: les colonnes Nom et Prénom seraient-elles inversées\u{a0}?"
            ));
        }
        let jury = self.jury();
        let (amenagement, tiers_temps) = self.amenagement();
        NewCandidate {
            id: String::new(),
            civilite: self.civilite(),
            nom,
            nom_usage: self.optional("nom_usage"),
            prenom,
            identifiant: self.get("identifiant").1,
            date_naissance: self.birth_date(),
            voie: self.voie(),
            adresse: self.address(),
            formateur: self.formateur(),
            amenagement,
            jury,
            telephone: self.telephone(),
            email: self.optional("email"),
            tiers_temps,
        }
    }

    /// A line to say about this row.
    fn note(&mut self, what: String) {
        self.notes.push(format!("ligne {}\u{a0}: {what}", self.row));
    }

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
            "m" | "mr" | "monsieur" | "h" | "homme" | "masculin" => Civilite::M,
            "mme" | "madame" | "mlle" | "mademoiselle" | "f" | "femme" | "feminin" => Civilite::Mme,
            _ => {
                self.problem(
                    self.get("civilite"),
                    "civilité attendue\u{a0}: M. ou Mme (ou le sexe, H ou F)",
                );
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
        super::dates::birth_date(&text)
            .map_err(|what| self.problem(self.get("date_naissance"), &what))
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
        let town = [self.postal_code(), self.get("ville").1]
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

    /// The postal code, five digits: a code Calc made a number (1000)
    /// gets its leading zero back, with a note; what cannot be one is a
    /// problem.
    fn postal_code(&mut self) -> String {
        let cell = self.get("code_postal");
        let digits: String = cell.1.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() || (digits.len() == 5 && digits.chars().all(|c| c.is_ascii_digit())) {
            return digits;
        }
        if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) {
            self.note(format!(
                "code postal « {digits} » lu comme un nombre, écrit « 0{digits} » (un code postal a cinq chiffres)"
            ));
            return format!("0{digits}");
        }
        self.problem(
            cell.clone(),
            "un code postal a cinq chiffres (par exemple 01000)\u{a0}: corrigez-le dans la liste",
        );
        cell.1
    }

    /// The phone number; nine digits are a number whose leading zero
    /// Calc dropped, given back with a note.
    fn telephone(&mut self) -> Option<String> {
        let phone = self.optional("telephone")?;
        if phone.len() == 9 && phone.chars().all(|c| c.is_ascii_digit()) && !phone.starts_with('0')
        {
            self.note(format!(
                "téléphone « {phone} » lu comme un nombre, écrit « 0{phone} »"
            ));
            return Some(format!("0{phone}"));
        }
        Some(phone)
    }

    /// The aménagement, and whether it is a tiers-temps (said in a note).
    fn amenagement(&mut self) -> (Option<String>, bool) {
        let Some(text) = self.optional("amenagement") else {
            return (None, false);
        };
        let plain = super::columns::normalise(&text);
        let refused = ["pas de", "sans", "aucun"]
            .iter()
            .any(|no| plain.contains(&format!("{no} tiers temps")));
        let tiers_temps =
            (plain.contains("tiers temps") || plain.contains("1 3 temps")) && !refused;
        if tiers_temps {
            self.note(format!(
                "« {text} » lu comme un tiers-temps (temps_supplementaire: tiers_temps)\u{a0}: un tiers de la durée de chaque épreuve en plus"
            ));
        }
        (Some(text), tiers_temps)
    }

    /// The trainer's id: the one the cell gives, or the trainer of the
    /// session it names (« Mme TANGUY »); a name no trainer answers to is
    /// kept, with a note.
    fn formateur(&mut self) -> Option<String> {
        let cell = self.optional("formateur")?;
        let known = self.known;
        match known.formateur(&cell) {
            Some((id, _, _)) if *id == cell => Some(cell),
            Some((id, nom, prenom)) => {
                let id = id.clone();
                self.note(format!("formateur « {cell} »\u{a0}: {id} ({nom} {prenom})"));
                Some(id)
            }
            None => {
                self.note(format!(
                    "formateur « {cell} »\u{a0}: aucun formateur de la session ne porte ce nom\u{a0}; ajoutez-le sous « formateurs: » ou corrigez la liste"
                ));
                Some(cell)
            }
        }
    }

    /// The pair's ids: each juror of the cell (separated by « , », « ; »
    /// or « / ») by id or by name (« Mme LEJEUNE »), or ids separated by
    /// spaces as before; a juror written by name is said with their id.
    fn jury(&mut self) -> Vec<String> {
        let cell = self.get("jury").1;
        let known = self.known;
        let mut ids = Vec::new();
        for part in cell.split([',', ';', '/']).map(str::trim) {
            match known.jure(part) {
                Some((id, _, _)) if id == part => ids.push(id.clone()),
                Some((id, nom, prenom)) => {
                    self.note(format!("jury « {part} »\u{a0}: {id} ({nom} {prenom})"));
                    ids.push(id.clone());
                }
                None => ids.extend(part.split_whitespace().map(str::to_owned)),
            }
        }
        ids
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
}
