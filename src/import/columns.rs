//! Recognises the columns of a list as people name them, accents, case
//! and punctuation aside, and the ones `--colonnes` maps.

/// The candidate fields a column can fill.
pub const FIELDS: &[&str] = &[
    "id",
    "civilite",
    "nom",
    "nom_usage",
    "prenom",
    "date_naissance",
    "identifiant",
    "adresse",
    "code_postal",
    "ville",
    "voie",
    "formateur",
    "amenagement",
    "jury",
];

/// How people write each field's header (already normalised).
const NAMES: &[(&str, &str)] = &[
    ("civilite", "civilite"),
    ("nom", "nom"),
    ("nom de naissance", "nom"),
    ("nom d usage", "nom_usage"),
    ("nom marital", "nom_usage"),
    ("prenom", "prenom"),
    ("date de naissance", "date_naissance"),
    ("ne le", "date_naissance"),
    ("n candidat", "identifiant"),
    ("no candidat", "identifiant"),
    ("numero candidat", "identifiant"),
    ("numero de candidat", "identifiant"),
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
];

/// Latin letters with accents or ligatures, as plain ASCII.
fn plain_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => "a",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => "o",
        'ú' | 'ù' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ñ' => "n",
        'ç' => "c",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}

/// A header as compared: lowercase ASCII letters and digits, everything
/// else (accents folded first) as single spaces.
pub fn normalise(header: &str) -> String {
    let mut plain = String::with_capacity(header.len());
    for c in header.to_lowercase().chars() {
        match plain_letter(c) {
            Some(letters) => plain.push_str(letters),
            None if c.is_ascii_alphanumeric() => plain.push(c),
            None => plain.push(' '),
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field of each column (`None`: ignored), from the usual names and
/// the user's own mapping (`en-tête=champ`, already checked).
pub fn fields(headers: &[String], mapping: &[(String, String)]) -> Vec<Option<&'static str>> {
    headers
        .iter()
        .map(|h| {
            let h = normalise(h);
            mapping
                .iter()
                .find(|(header, _)| normalise(header) == h)
                .and_then(|(_, field)| FIELDS.iter().copied().find(|f| f == field))
                .or_else(|| NAMES.iter().find(|(name, _)| *name == h).map(|(_, f)| *f))
        })
        .collect()
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
