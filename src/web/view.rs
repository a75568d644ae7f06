//! The pages' HTML, from the minijinja templates of `templates/web/`
//! embedded in the program, with HTML escaping always on: what the user
//! wrote is shown as text, never read as markup.

use std::collections::HashMap;

use minijinja::{AutoEscape, Environment};
use serde::Serialize;

use crate::error::Error;
use crate::wording::label_entries;

/// The style sheet, embedded: nothing is loaded from the network.
pub const STYLE: &str = include_str!("../../templates/web/style.css");

/// Every page template, by name. A new page is one more line here.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/web/base.html")),
    (
        "accueil.html",
        include_str!("../../templates/web/accueil.html"),
    ),
    (
        "session.html",
        include_str!("../../templates/web/session.html"),
    ),
    (
        "candidats.html",
        include_str!("../../templates/web/candidats.html"),
    ),
    (
        "import.html",
        include_str!("../../templates/web/import.html"),
    ),
    (
        "documents.html",
        include_str!("../../templates/web/documents.html"),
    ),
    (
        "message.html",
        include_str!("../../templates/web/message.html"),
    ),
    (
        "planning.html",
        include_str!("../../templates/web/planning.html"),
    ),
    (
        "partie.html",
        include_str!("../../templates/web/partie.html"),
    ),
    (
        "resultats.html",
        include_str!("../../templates/web/resultats.html"),
    ),
    ("liste.html", include_str!("../../templates/web/liste.html")),
    (
        "envois.html",
        include_str!("../../templates/web/envois.html"),
    ),
    (
        "production.html",
        include_str!("../../templates/web/production.html"),
    ),
    (
        "production-etape.html",
        include_str!("../../templates/web/production-etape.html"),
    ),
    (
        "production-fin.html",
        include_str!("../../templates/web/production-fin.html"),
    ),
    (
        "champs.html",
        include_str!("../../templates/web/champs.html"),
    ),
    (
        "formulaires.html",
        include_str!("../../templates/web/formulaires.html"),
    ),
    ("textes.txt", include_str!("../../templates/web/textes.txt")),
];

/// The templates, ready to render.
pub struct Views {
    env: Environment<'static>,
}

impl Views {
    /// Loads the embedded templates (a faulty one is a program error,
    /// caught by the tests).
    pub fn new() -> Result<Views, Error> {
        let mut env = Environment::new();
        // A `.txt` template gives text, which the page it goes in escapes.
        env.set_auto_escape_callback(|name| match name.ends_with(".html") {
            true => AutoEscape::Html,
            false => AutoEscape::None,
        });
        for (name, text) in TEMPLATES {
            env.add_template(name, text)
                .map_err(|e| Error::Wording(format!("modèle de page « {name} »\u{a0}: {e}")))?;
        }
        Ok(Views { env })
    }

    /// The `key = text` lines of the blocks `blocks` of the template
    /// `name`, the later blocks' over the earlier's.
    pub fn labels(&self, name: &str, blocks: &[&str]) -> Result<HashMap<String, String>, Error> {
        self.labels_with(name, blocks, ())
    }

    /// The `key = text` lines of the blocks `blocks` of the template
    /// `name`, rendered with `context`.
    pub fn labels_with(
        &self,
        name: &str,
        blocks: &[&str],
        context: impl Serialize,
    ) -> Result<HashMap<String, String>, Error> {
        let failed = |e: minijinja::Error| Error::Wording(format!("modèle « {name} »\u{a0}: {e}"));
        let template = self.env.get_template(name).map_err(failed)?;
        // As in `Wording::with`: the one call whose blocks render one by one.
        #[allow(deprecated)]
        let mut state = template.eval_to_state(context).map_err(failed)?;
        let mut labels = HashMap::new();
        for block in blocks {
            labels.extend(label_entries(&state.render_block(block).map_err(failed)?));
        }
        Ok(labels)
    }

    /// Renders the page `name` with `context`.
    pub fn render(&self, name: &str, context: impl Serialize) -> Result<String, Error> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(context))
            .map_err(|e| Error::Wording(format!("page « {name} »\u{a0}: {e}")))
    }
}
