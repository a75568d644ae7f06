//! The recap the centre types into CERES: one line per candidate, by
//! name, with the number, the decision and the CCP codes obtained, as a
//! CSV that Calc and Excel open (`;`, UTF-8 with a BOM).

use super::Labels;
use crate::error::Error;
use crate::fr;
use crate::model::{Candidat, Session};

/// The recap's text.
pub fn csv(s: &Session, l: &Labels) -> Result<String, Error> {
    let mut list: Vec<&Candidat> = s.candidats.value.iter().collect();
    list.sort_by_cached_key(|c| fr::collation_key(&fr::nom_prenom(c.nom_affiche(), &c.prenom)));
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let fail =
        |e: csv::Error| Error::Render(format!("le récapitulatif n'a pas pu être écrit\u{a0}: {e}"));
    out.write_record([&l.numero, &l.nom, &l.prenom, &l.decision, &l.ccp_obtenus])
        .map_err(fail)?;
    for c in list {
        let r = c.resultat.as_ref().map(|r| &r.value);
        let decision = r.map_or("", |r| l.decision(r.decision.value));
        let ccp: Vec<&str> = s
            .covered_ccp()
            .into_iter()
            .filter(|code| r.is_some_and(|r| r.ccp.iter().any(|c| c.value == *code)))
            .collect();
        out.write_record([
            c.identifiant.as_str(),
            &fr::capitals(c.nom_affiche()),
            &c.prenom,
            decision,
            &ccp.join(", "),
        ])
        .map_err(fail)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| Error::Render(format!("le récapitulatif n'a pas pu être écrit\u{a0}: {e}")))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}
