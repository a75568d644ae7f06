//! Recognises the columns of a list as people name them, accents, case
//! and punctuation aside, and the ones `--colonnes` maps.

/// The candidate fields a column can fill.
pub const FIELDS: &[&str] = &[
    "id",
    "civilite",
    "nom",
    "nom_usage",
    "prenom",
    "nom_prenom",
    "date_naissance",
    "identifiant",
    "adresse",
    "code_postal",
    "ville",
    "voie",
    "formateur",
    "amenagement",
    "jury",
    "telephone",
    "email",
];

/// How people write each field's header (already normalised).
const NAMES: &[(&str, &str)] = &[
    ("civilite", "civilite"),
    ("nom", "nom"),
    ("nom de naissance", "nom"),
    ("nom de famille", "nom"),
    ("nom patronymique", "nom"),
    ("nom d usage", "nom_usage"),
    ("nom marital", "nom_usage"),
    ("nom usage", "nom_usage"),
    ("prenom", "prenom"),
    ("prenoms", "prenom"),
    ("prenom s", "prenom"),
    ("nom prenom", "nom_prenom"),
    ("nom et prenom", "nom_prenom"),
    ("nom prenoms", "nom_prenom"),
    ("nom et prenoms", "nom_prenom"),
    ("prenom nom", "nom_prenom"),
    ("prenom et nom", "nom_prenom"),
    ("nom complet", "nom_prenom"),
    ("date de naissance", "date_naissance"),
    ("date naissance", "date_naissance"),
    ("date naiss", "date_naissance"),
    ("date de naiss", "date_naissance"),
    ("ne le", "date_naissance"),
    ("ne e le", "date_naissance"),
    ("n candidat", "identifiant"),
    ("no candidat", "identifiant"),
    ("n de candidat", "identifiant"),
    ("no de candidat", "identifiant"),
    ("n du candidat", "identifiant"),
    ("numero candidat", "identifiant"),
    ("numero de candidat", "identifiant"),
    ("numero du candidat", "identifiant"),
    ("identifiant", "identifiant"),
    ("adresse", "adresse"),
    ("code postal", "code_postal"),
    ("cp", "code_postal"),
    ("ville", "ville"),
    ("commune", "ville"),
    ("voie d acces", "voie"),
    ("voie", "voie"),
    ("formateur", "formateur"),
    ("amenagement", "amenagement"),
    ("amenagements", "amenagement"),
    ("sexe", "civilite"),
    ("jury", "jury"),
    ("binome", "jury"),
    ("binome de jures", "jury"),
    ("jures", "jury"),
    ("telephone", "telephone"),
    ("tel", "telephone"),
    ("portable", "telephone"),
    ("telephone portable", "telephone"),
    ("tel portable", "telephone"),
    ("mobile", "telephone"),
    ("courriel", "email"),
    ("e mail", "email"),
    ("email", "email"),
    ("mail", "email"),
    ("adresse mail", "email"),
    ("adresse e mail", "email"),
    ("adresse electronique", "email"),
    ("adresse courriel", "email"),
];

/// A header as compared: lowercase ASCII letters and digits, everything
/// else (accents folded first) as single spaces.
pub fn normalise(header: &str) -> String {
    let mut plain = String::with_capacity(header.len());
    for c in header.to_lowercase().chars() {
        match crate::fr::plain_letters(c) {
            Some(letters) => plain.push_str(letters),
            None if c.is_ascii_alphanumeric() => plain.push(c),
            None => plain.push(' '),
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header names by itself: a usual name, or the format's own
/// field name (`date_naissance`).
pub fn usual_field(header: &str) -> Option<&'static str> {
    let h = normalise(header);
    NAMES
        .iter()
        .find(|(name, _)| *name == h)
        .map(|(_, f)| *f)
        .or_else(|| FIELDS.iter().copied().find(|f| normalise(f) == h))
}

/// The field of each column (`None`: ignored), from the usual names and
/// the user's own mapping (`en-tête=champ`, already checked). A field
/// goes to its first column only.
pub fn fields(headers: &[String], mapping: &[(String, String)]) -> Vec<Option<&'static str>> {
    let mut out: Vec<Option<&'static str>> = Vec::with_capacity(headers.len());
    for h in headers {
        let h = normalise(h);
        let field = mapping
            .iter()
            .find(|(header, _)| normalise(header) == h)
            .and_then(|(_, field)| FIELDS.iter().copied().find(|f| f == field))
            .or_else(|| usual_field(&h))
            .filter(|f| !out.contains(&Some(*f)));
        out.push(field);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_latin_letter_folds_to_ascii() {
        assert_eq!(
            normalise("Gómez-Núñez Œuvray Ærø"),
            "gomez nunez oeuvray aero"
        );
    }

    #[test]
    fn the_usual_headers_and_the_field_names_are_recognised() {
        for (header, field) in [
            ("Date naiss.", "date_naissance"),
            ("Date naissance", "date_naissance"),
            ("date_naissance", "date_naissance"),
            ("Nom de famille", "nom"),
            ("Prénom(s)", "prenom"),
            ("N° de candidat", "identifiant"),
            ("nom_usage", "nom_usage"),
            ("code_postal", "code_postal"),
        ] {
            assert_eq!(usual_field(header), Some(field), "{header}");
        }
        assert_eq!(usual_field("Remarques"), None);
    }

    #[test]
    fn headers_are_recognised_as_people_write_them() {
        let headers: Vec<String> = [
            "Civilité",
            "NOM DE NAISSANCE",
            "Nom d'usage",
            "N° candidat",
            "Voie d'accès",
            "Né le",
            "Autre",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(
            fields(&headers, &[("Autre".into(), "jury".into())]),
            vec![
                Some("civilite"),
                Some("nom"),
                Some("nom_usage"),
                Some("identifiant"),
                Some("voie"),
                Some("date_naissance"),
                Some("jury"),
            ]
        );
    }
}
