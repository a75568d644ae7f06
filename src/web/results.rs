//! The results page: each candidate's result as the file holds it
//! (decision, CCP obtained), in the words of the jury's grid, and the grid
//! itself to download (as `sessiondoc resultats --grille` writes it).

use serde::Serialize;

use crate::error::Error;
use crate::web::app::App;
use crate::web::http::Reply;

/// One candidate's line.
#[derive(Serialize)]
struct Line {
    numero: String,
    nom: String,
    prenom: String,
    /// The decision in the grid's words; empty while none is written.
    decision: String,
    ccp: String,
}

impl App {
    /// The results of the file.
    pub fn results_page(&self) -> Result<Reply, Error> {
        let loaded = match self.load() {
            Ok(l) => l,
            Err(reply) => return Ok(reply),
        };
        let Some(session) = &loaded.session else {
            return Ok(self.not_loaded());
        };
        let texts = crate::results::texts(session)?;
        let lines: Vec<Line> = session
            .candidats
            .value
            .iter()
            .map(|c| Line {
                numero: c.identifiant.clone(),
                nom: c.nom_affiche().to_owned(),
                prenom: c.prenom.clone(),
                decision: c
                    .resultat
                    .as_ref()
                    .map(|r| texts.labels.decision(r.value.decision.value).to_owned())
                    .unwrap_or_default(),
                ccp: c
                    .resultat
                    .as_ref()
                    .map(|r| {
                        r.value
                            .ccp
                            .iter()
                            .map(|x| x.value.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default(),
            })
            .collect();
        let missing = lines.iter().filter(|l| l.decision.is_empty()).count();
        let context = minijinja::context! {
            session => self.session_name(), lines, missing,
            labels => minijinja::context! {
                numero => texts.labels.numero, nom => texts.labels.nom,
                prenom => texts.labels.prenom, decision => texts.labels.decision,
                ccp => texts.labels.ccp_obtenus,
            },
        };
        Ok(Reply::html(
            200,
            self.views.render("resultats.html", context)?,
        ))
    }

    /// The jury's grid of the session, to download.
    pub fn results_grid(&self) -> Result<Reply, Error> {
        let path = match self.session_path() {
            Ok(p) => p.to_path_buf(),
            Err(reply) => return Ok(reply),
        };
        let dir = tempfile::tempdir().map_err(|e| {
            Error::Io(format!(
                "impossible de préparer la grille\u{a0}: {}",
                crate::error::io_fr(&e)
            ))
        })?;
        let grid = dir.path().join("grille-resultats.xlsx");
        crate::results::write_grid(&path, &grid, false)?;
        let body = std::fs::read(&grid).map_err(|e| {
            Error::Io(format!(
                "impossible de lire la grille\u{a0}: {}",
                crate::error::io_fr(&e)
            ))
        })?;
        Ok(Reply {
            status: 200,
            content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            body,
            headers: vec![(
                "Content-Disposition",
                "attachment; filename=\"grille-resultats.xlsx\"".to_owned(),
            )],
            stream: None,
        })
    }
}
