//! French formatting in one place: dates, times, durations, names and the
//! non-breaking spaces of French typography.

use chrono::{Datelike, Weekday};

use crate::model::{Civilite, Date, Time};

/// The narrow no-break space French puts before « ; ! ? » and inside « ».
pub const NNBSP: char = '\u{202F}';
/// The no-break space French puts before « : » and in "8 h 30".
pub const NBSP: char = '\u{A0}';

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "lundi 11 janvier 2027".
pub fn long_date(date: Date) -> String {
    format!("{} {}", weekday(date), day_month_year(date))
}

/// "11 janvier 2027" ("1er janvier 2027" on the first).
pub fn day_month_year(date: Date) -> String {
    let d = date.0;
    let day = if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", MONTHS[d.month0() as usize], d.year())
}

/// "11/01/2027", the short form of forms and tables.
pub fn short_date(date: Date) -> String {
    date.0.format("%d/%m/%Y").to_string()
}

/// "lundi".
pub fn weekday(date: Date) -> &'static str {
    match date.0.weekday() {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// "8 h 30", "14 h 00": one style for every time printed.
pub fn time(t: Time) -> String {
    format!("{}{NBSP}h{NBSP}{:02}", t.hours(), t.minutes())
}

/// "45 min", "1 h", "3 h 30".
pub fn duration(minutes: u16) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m}{NBSP}min"),
        (h, 0) => format!("{h}{NBSP}h"),
        (h, m) => format!("{h}{NBSP}h{NBSP}{m:02}"),
    }
}

/// "M." or "Mme".
pub fn civilite(c: Civilite) -> &'static str {
    match c {
        Civilite::M => "M.",
        Civilite::Mme => "Mme",
    }
}

/// The particles of French and neighbouring names, as written in
/// lowercase (« de SAINT-EXUPÉRY », « VAN der BERG »).
const PARTICLES: [&str; 20] = [
    "de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "van", "von", "der", "den",
    "ter", "ten", "da", "dos", "di", "del",
];

/// A family name in capitals as written: every word in capitals, except a
/// particle the file writes in lowercase (« de SAINT-EXUPÉRY », « d'ARTOIS »).
pub fn capitals(nom: &str) -> String {
    nom.split_inclusive(char::is_whitespace)
        .map(|word| {
            let bare = word.trim_end();
            if PARTICLES.contains(&bare) {
                return word.to_owned();
            }
            match PARTICLES
                .iter()
                .filter(|p| p.ends_with(['\'', '’']))
                .find(|p| bare.len() > p.len() && word.starts_with(*p))
            {
                Some(p) => format!("{p}{}", word[p.len()..].to_uppercase()),
                None => word.to_uppercase(),
            }
        })
        .collect()
}

/// Whether a word of a name is written in capitals (« DUPONT », « d'ARTOIS »;
/// not « J. » nor « Dupont »).
pub fn in_capitals(word: &str) -> bool {
    let bare = PARTICLES
        .iter()
        .filter(|p| p.ends_with(['\'', '’']))
        .find_map(|p| word.strip_prefix(*p))
        .unwrap_or(word);
    let letters = bare.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.into_iter().all(char::is_uppercase)
}

/// The family name and the first name of « NOM Prénom » or « Prénom NOM »,
/// as one cell of a list gives them: the name is the words written in
/// capitals, with the particles in lowercase just before them (« de LA
/// TOUR Jean »). `None` when no word, or two separate runs of words, are
/// in capitals, or nothing is left for the first name.
pub fn split_nom_prenom(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.iter().position(|w| in_capitals(w))?;
    let end = first + words[first..].iter().take_while(|w| in_capitals(w)).count();
    if words[end..].iter().any(|w| in_capitals(w)) {
        return None;
    }
    let start = first
        - words[..first]
            .iter()
            .rev()
            .take_while(|w| PARTICLES.contains(w))
            .count();
    let prenom = [&words[..start], &words[end..]].concat().join(" ");
    (!prenom.is_empty()).then(|| (words[start..end].join(" "), prenom))
}

/// "NOM Prénom", with the family name in capitals as written.
pub fn nom_prenom(nom: &str, prenom: &str) -> String {
    format!("{} {}", capitals(nom), prenom)
}

/// "Mme NOM Prénom".
pub fn full_name(c: Civilite, nom: &str, prenom: &str) -> String {
    format!("{} {}", civilite(c), nom_prenom(nom, prenom))
}

/// A count with its noun, singular up to one as French wants it (« 0
/// erreur », « 1 page », « 2 pages »).
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

/// Applies French spacing to text the program writes (template wording):
/// a no-break space before « : » and a narrow one before « ; ! ? », inside
/// « guillemets ». User text is never passed through this.
pub fn typography(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ':' | ';' | '!' | '?' => {
                let next_is_space_or_end = chars.peek().is_none_or(|n| n.is_whitespace());
                if next_is_space_or_end {
                    let space = if c == ':' { NBSP } else { NNBSP };
                    if out.ends_with(' ') {
                        out.pop();
                        out.push(space);
                    } else if out.ends_with(|p: char| p.is_alphanumeric()) {
                        out.push(space);
                    }
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                if chars.peek() == Some(&' ') {
                    chars.next();
                }
                out.push(NNBSP);
            }
            '»' => {
                if out.ends_with(' ') {
                    out.pop();
                }
                if !out.ends_with(NNBSP) {
                    out.push(NNBSP);
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A key for sorting names in French order: accents sort with their base
/// letter (É with E, Æ as AE), case and hyphens do not count first, and a
/// particle written in lowercase before the name does not count either
/// (« de SAINT-EXUPÉRY » under S, « d'ARTOIS » under A, as a directory
/// lists them).
pub fn collation_key(text: &str) -> (String, String) {
    let mut base = String::with_capacity(text.len());
    for c in without_particles(text).chars().flat_map(char::to_lowercase) {
        match plain_letters(c) {
            Some(plain) => base.push_str(plain),
            None if c.is_alphanumeric() => base.push(c),
            None => {}
        }
    }
    (base, text.to_owned())
}

/// `text` from its first word with a capital letter on: the particles
/// written in lowercase before it (« de », « van der », the « d' » of
/// « d'ARTOIS ») left out; `text` whole when no word has a capital.
fn without_particles(text: &str) -> &str {
    let text = text.trim_start();
    let mut rest = text;
    loop {
        if let Some(name) = rest
            .strip_prefix("d'")
            .or_else(|| rest.strip_prefix("d’"))
            .filter(|n| n.starts_with(char::is_uppercase))
        {
            return name;
        }
        match rest.split_once(' ') {
            Some((word, tail)) if !word.chars().any(char::is_uppercase) => {
                rest = tail.trim_start();
            }
            _ if rest.starts_with(char::is_uppercase) => return rest,
            _ => return text,
        }
    }
}

/// A Latin letter with an accent or a ligature, as plain ASCII letters
/// (« é » as `e`, « œ » as `oe`); `None` for any other character.
pub fn plain_letters(c: char) -> Option<&'static str> {
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

/// The article a centre's name takes when the session file does not say:
/// « l' » before a vowel or a mute h (« l'AFPA », « l'Institut… »), else
/// « le » (« le Centre… », « le GRETA… »). A name that takes « la »,
/// « les » or none says so in `centre.article`.
pub fn article_of(name: &str) -> &'static str {
    let first = name.trim_start().chars().next().map(|c| {
        let folded: String = c.to_lowercase().collect();
        collation_key(&folded).0
    });
    match first.as_deref() {
        Some("a" | "e" | "i" | "o" | "u" | "y" | "h") => "l'",
        _ => "le",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date(NaiveDate::from_ymd_opt(y, m, day).unwrap())
    }

    #[test]
    fn long_date_names_the_weekday_and_month() {
        assert_eq!(long_date(d(2027, 1, 11)), "lundi 11 janvier 2027");
        assert_eq!(long_date(d(2027, 2, 1)), "lundi 1er février 2027");
    }

    #[test]
    fn times_use_one_style() {
        assert_eq!(time(Time::hm(8, 30)), "8\u{a0}h\u{a0}30");
        assert_eq!(time(Time::hm(14, 0)), "14\u{a0}h\u{a0}00");
        assert_eq!(duration(45), "45\u{a0}min");
        assert_eq!(duration(210), "3\u{a0}h\u{a0}30");
    }

    #[test]
    fn typography_puts_no_break_spaces() {
        assert_eq!(
            typography("Objet : convocation"),
            "Objet\u{a0}: convocation"
        );
        assert_eq!(typography("Attention !"), "Attention\u{202f}!");
        assert_eq!(typography("« oui »"), "«\u{202f}oui\u{202f}»");
        assert_eq!(typography("08:30"), "08:30");
    }

    #[test]
    fn names_are_in_capitals_but_for_the_particles_written_in_lowercase() {
        assert_eq!(capitals("de Saint-Exupéry"), "de SAINT-EXUPÉRY");
        assert_eq!(capitals("DE SAINT-EXUPÉRY"), "DE SAINT-EXUPÉRY");
        assert_eq!(capitals("Le Gall"), "LE GALL");
        assert_eq!(capitals("d'Artois"), "d'ARTOIS");
        assert_eq!(capitals("van der Berg"), "van der BERG");
        assert_eq!(capitals("Martin-Lefèbvre"), "MARTIN-LEFÈBVRE");
        assert_eq!(nom_prenom("de la Tour", "Anne"), "de la TOUR Anne");
    }

    #[test]
    fn collation_sorts_accented_letters_with_their_base() {
        let mut names = vec!["Zola", "Émile", "Eric", "Durand"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(names, vec!["Durand", "Émile", "Eric", "Zola"]);
    }

    #[test]
    fn one_cell_of_a_list_splits_into_name_and_first_name_by_its_capitals() {
        let split = |t| split_nom_prenom(t).map(|(n, p)| format!("{n} / {p}"));
        for (cell, parts) in [
            ("DUPONT Marie-Claire", "DUPONT / Marie-Claire"),
            ("Marie-Claire DUPONT", "DUPONT / Marie-Claire"),
            ("de LA TOUR Jean Paul", "de LA TOUR / Jean Paul"),
            ("Anne de SAINT-EXUPÉRY", "de SAINT-EXUPÉRY / Anne"),
            ("d'ARTOIS Lucie", "d'ARTOIS / Lucie"),
            ("  LE GALL   Yann ", "LE GALL / Yann"),
            ("O'BRIEN Seán", "O'BRIEN / Seán"),
            ("J. DUPONT", "DUPONT / J."),
        ] {
            assert_eq!(split(cell).as_deref(), Some(parts), "{cell}");
        }
        for cell in [
            "Dupont Marie",
            "DUPONT MARIE",
            "DUPONT",
            "Marie DUPONT épouse MARTIN",
        ] {
            assert_eq!(split(cell), None, "{cell}");
        }
    }

    #[test]
    fn a_lowercase_particle_does_not_count_in_the_order() {
        let mut names = vec![
            "de SAINT-EXUPÉRY Anne",
            "ROUSSEAU Marc",
            "d'ARTOIS Lucie",
            "van der BERG Piet",
            "TANGUY Éloïse",
        ];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            vec![
                "d'ARTOIS Lucie",
                "van der BERG Piet",
                "ROUSSEAU Marc",
                "de SAINT-EXUPÉRY Anne",
                "TANGUY Éloïse",
            ]
        );
        // A name written all in lowercase keeps its first word.
        assert_eq!(collation_key("martin paul").0, "martinpaul");
    }

    #[test]
    fn collation_reads_ligatures_as_two_letters() {
        let mut names = vec!["Lafont", "Lætitia", "Ofelia", "Œuvray"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(names, vec!["Lætitia", "Lafont", "Œuvray", "Ofelia"]);
    }
}
