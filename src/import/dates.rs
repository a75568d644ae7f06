//! Birth dates as French lists write them: 12/03/1985, 12-03-1985,
//! 12.03.1985, 1985-03-12, 1985/03/12, « 12 mars 1985 », a time after
//! the date dropped; anything else is said with what is expected.

use chrono::{Datelike, NaiveDate};

/// What a date cell should hold, said after what was found.
const EXPECTED: &str = "date illisible, attendu le jour, le mois et l'année (12/03/1985, 12-03-1985, 1985-03-12 ou 12 mars 1985)";

const TWO_DIGIT_YEAR: &str =
    "année sur deux chiffres\u{a0}: écrivez l'année en entier (JJ/MM/AAAA, par exemple 12/04/1991)";

const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// The birth date of a cell as `AAAA-MM-JJ`, or what is wrong with it.
pub fn birth_date(text: &str) -> Result<String, String> {
    let day = date_part(text);
    let (year, month, day_of_month) = match numeric(&day) {
        Some(parts) => parts?,
        None => in_words(&day).ok_or_else(|| EXPECTED.to_owned())?,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day_of_month).ok_or_else(|| {
        "ce jour n'existe pas (le mois n'a pas autant de jours)\u{a0}: vérifiez la date".to_owned()
    })?;
    let today = chrono::Local::now().date_naive();
    if date.year() < 1900 || date > today {
        return Err(
            "date de naissance impossible (avant 1900 ou dans l'avenir)\u{a0}: vérifiez l'année"
                .to_owned(),
        );
    }
    Ok(date.format("%Y-%m-%d").to_string())
}

/// The date without a time after it (« 28/02/1999 14:30 »,
/// « 1999-02-28T00:00:00 »).
fn date_part(text: &str) -> String {
    let text = text.trim();
    let text = match text.find('T') {
        Some(i) if text[..i].ends_with(|c: char| c.is_ascii_digit()) => &text[..i],
        _ => text,
    };
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 && words.last().is_some_and(|w| w.contains(':')) {
        words.pop();
    }
    words.join(" ")
}

/// Three numbers separated by `/`, `-` or `.`, the year first or last:
/// `None` when the text is not made so.
fn numeric(day: &str) -> Option<Result<(i32, u32, u32), String>> {
    let parts: Vec<&str> = day.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().unwrap_or(0);
    let (y, m, d) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else if parts[2].len() == 2 {
        return Some(Err(TWO_DIGIT_YEAR.to_owned()));
    } else {
        return Some(Err(EXPECTED.to_owned()));
    };
    Some(Ok((number(y) as i32, number(m), number(d))))
}

/// « 12 mars 1985 », « 1er mars 1985 », « 12 févr. 1985 ».
fn in_words(day: &str) -> Option<(i32, u32, u32)> {
    let plain = super::columns::normalise(day);
    let words: Vec<&str> = plain.split(' ').collect();
    let [d, m, y] = words.as_slice() else {
        return None;
    };
    let d = d.strip_suffix("er").unwrap_or(d).parse::<u32>().ok()?;
    let months: Vec<usize> = (0..12)
        .filter(|&i| m.len() >= 3 && MONTHS[i].starts_with(m))
        .collect();
    let [month] = months.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    Some((y.parse().ok()?, *month as u32 + 1, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_of_french_lists_are_read() {
        for text in [
            "12/03/1985",
            "12-03-1985",
            "12.03.1985",
            "1985-03-12",
            "1985/03/12",
            "12 mars 1985",
            "12 MARS 1985",
            "12/03/1985 00:00",
            "1985-03-12T00:00:00",
        ] {
            assert_eq!(birth_date(text), Ok("1985-03-12".to_owned()), "{text}");
        }
        assert_eq!(birth_date("1er août 1990"), Ok("1990-08-01".to_owned()));
        assert_eq!(birth_date("3 févr. 1990"), Ok("1990-02-03".to_owned()));
    }

    #[test]
    fn the_others_say_what_is_expected() {
        assert!(
            birth_date("12/04/91")
                .unwrap_err()
                .contains("deux chiffres")
        );
        assert!(birth_date("12/04/1891").unwrap_err().contains("avant 1900"));
        assert!(
            birth_date("31/02/1985")
                .unwrap_err()
                .contains("n'existe pas")
        );
        for text in ["mars 1985", "12 jui 1985", "hier", "1985"] {
            assert_eq!(birth_date(text), Err(EXPECTED.to_owned()), "{text}");
        }
    }
}
