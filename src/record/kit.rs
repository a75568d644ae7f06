//! The sending kit, written into each sending's folder beside the letters:
//! one print file of just the letters to post or hand over (each letter
//! starting on a recto, a récépissé to sign after the letters handed
//! over), the list of registered letters (CSV that Calc and
//! Excel open), and an e-mail draft (`.eml`, `X-Unsent: 1`) for each person
//! sent to by e-mail, their letters attached. Nothing is sent from here:
//! the user's own mail program sends the drafts.

use std::path::Path;

use minijinja::{Value, context};

use super::list::{Line, label};
use crate::error::Error;
use crate::model::{Date, Session};
use crate::plan::Plan;
use crate::render::{RenderContext, Renderer};
use crate::wording::Wording;

/// The print file of the letters to post or hand over.
pub const A_IMPRIMER: &str = "a-imprimer.pdf";
/// The list of registered letters.
pub const RECOMMANDES: &str = "recommandes.csv";
/// The folder of the e-mail drafts.
pub const COURRIELS: &str = "courriels";

/// Whom a sending writes to, as the session file (or the last sending's,
/// for someone no longer in it) names them.
struct Recipient {
    civilite: String,
    appel: String,
    adresse: Vec<String>,
    email: Option<String>,
}

/// One person of a sending and their documents, in the order sent.
struct Person<'l> {
    role: &'l str,
    id: &'l str,
    moyen: &'l str,
    documents: Vec<&'l str>,
}

impl Person<'_> {
    /// The names of their PDF files, as the récépissé and the list of
    /// registered letters give them.
    fn pdf_names(&self) -> Vec<&str> {
        self.documents
            .iter()
            .filter(|d| d.ends_with(".pdf"))
            .map(|d| file_name(d))
            .collect()
    }
}

/// Writes the kit of the sending `lines` into `dir`, where the letters
/// were copied; `earlier` is the last sending's session file. Returns the
/// files written, relative to `dir`.
pub fn write(
    dir: &Path,
    lines: &[Line],
    session: &Session,
    earlier: Option<&Session>,
    day: Date,
) -> Result<Vec<String>, Error> {
    let plans: Vec<Plan> = std::iter::once(session)
        .chain(earlier)
        .map(Plan::new)
        .collect();
    let wording = Wording::new(None)?;
    let s = Value::from_serialize(&plans[0].facts);
    let people = by_person(lines);
    let mut written = Vec::new();
    let posted: Vec<&Person> = people
        .iter()
        .filter(|p| p.moyen != label(crate::model::MoyenEnvoi::Courriel))
        .collect();
    if !posted.is_empty() {
        let title = wording.with("envoi", context! { s => &s }, |t| t.text("lot"))?;
        let mut letters: Vec<Vec<u8>> = Vec::new();
        for p in &posted {
            for d in p.documents.iter().filter(|d| d.ends_with(".pdf")) {
                letters.push(read(&dir.join(d))?);
            }
            if p.moyen == label(crate::model::MoyenEnvoi::MainPropre) {
                letters.push(receipt(&wording, &plans, p)?);
            }
        }
        let letters: Vec<&[u8]> = letters.iter().map(Vec::as_slice).collect();
        let batch = crate::render::pdf::print_batch::join_letters(&title, day, &letters)?;
        save(&dir.join(A_IMPRIMER), &batch.bytes)?;
        written.push(A_IMPRIMER.to_owned());
    }
    let registered: Vec<&Person> = people
        .iter()
        .filter(|p| p.moyen == label(crate::model::MoyenEnvoi::Courrier))
        .collect();
    if !registered.is_empty() {
        let csv = registered_list(&wording, &s, &registered, &plans)?;
        save(&dir.join(RECOMMANDES), &csv)?;
        written.push(RECOMMANDES.to_owned());
    }
    for p in people
        .iter()
        .filter(|p| p.moyen == label(crate::model::MoyenEnvoi::Courriel))
    {
        let name = format!(
            "{COURRIELS}/{}-{}.eml",
            p.role,
            crate::compose::file_part(p.id)
        );
        let draft = draft(dir, (&wording, &s), &plans, p, day)?;
        let path = dir.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, &e))?;
        }
        save(&path, &draft)?;
        written.push(name);
    }
    Ok(written)
}

/// The récépissé of a hand delivery to `p`, to sign on handing over
/// their letters: one page, in PDF.
fn receipt(wording: &Wording, plans: &[Plan], p: &Person) -> Result<Vec<u8>, Error> {
    use crate::doc::{Align, Block, Paragraph, Section};
    let r = recipient(plans, p);
    let documents = p.pdf_names();
    let none = std::collections::HashMap::new();
    let ctx = crate::compose::Ctx {
        plan: &plans[0],
        wording,
        logo: None,
        correction: None,
        sent_calendars: &none,
        stamp: chrono::DateTime::UNIX_EPOCH,
        reglement: None,
    };
    let context = ctx.context(context! {
        p => context! { appel => &r.appel, civilite => &r.civilite },
        documents => documents,
    });
    let (title, blocks) = wording.with("envoi", context, |t| {
        let title = t.text("recepisse_titre")?;
        let mut blocks = vec![Block::centred_heading(1, title.clone())];
        for text in t.paragraphs("recepisse")? {
            blocks.push(Block::Paragraph(
                Paragraph::text(text).align(Align::Justify),
            ));
        }
        blocks.push(Block::signatures(t.lines("recepisse_signatures")?, 30.0));
        Ok((title, blocks))
    })?;
    let footer = ctx.footer(&title)?;
    let document = ctx.document(title, footer, vec![Section::portrait(blocks)])?;
    let pdf = crate::render::pdf::PdfRenderer::new(None);
    Ok(pdf.render(&RenderContext::new(&document))?.bytes)
}

/// The people of a sending whose letters go by registered post and whom
/// no address is known for ("Mme Claire LEJEUNE"), once each.
pub fn without_address(
    lines: &[Line],
    session: &Session,
    earlier: Option<&Session>,
) -> Vec<String> {
    let plans: Vec<Plan> = std::iter::once(session)
        .chain(earlier)
        .map(Plan::new)
        .collect();
    by_person(lines)
        .iter()
        .filter(|p| p.moyen == label(crate::model::MoyenEnvoi::Courrier))
        .map(|p| recipient(&plans, p))
        .filter(|r| r.adresse.iter().all(|l| l.trim().is_empty()))
        .map(|r| r.appel)
        .collect()
}

/// The lines of a sending, person by person, in the order first met.
fn by_person(lines: &[Line]) -> Vec<Person<'_>> {
    let mut people: Vec<Person> = Vec::new();
    for l in lines {
        match people.iter_mut().find(|p| p.role == l.role && p.id == l.id) {
            Some(p) => p.documents.push(&l.document),
            None => people.push(Person {
                role: &l.role,
                id: &l.id,
                moyen: &l.moyen,
                documents: vec![&l.document],
            }),
        }
    }
    people
}

/// Who `p` is, from the first plan that knows them (the DDETS: as the
/// session file names it).
fn recipient(plans: &[Plan], p: &Person) -> Recipient {
    let civilite = |c| crate::model::written(c);
    for plan in plans {
        let found = match p.role {
            super::ddets::ROLE => Some(Recipient {
                civilite: String::new(),
                appel: plan.facts.autorite_nom.clone(),
                adresse: plan.facts.autorite_adresse.clone(),
                email: None,
            }),
            "candidat" => plan.candidate(p.id).map(|c| Recipient {
                civilite: c.civilite.to_owned(),
                appel: c.appel.clone(),
                adresse: c.adresse.clone(),
                email: c.email.clone(),
            }),
            role => {
                let staff = match role {
                    "jure" => plan.jurors_taking_part(),
                    _ => plan.surveillants(),
                };
                staff.into_iter().find(|m| m.id == p.id).map(|m| Recipient {
                    civilite: civilite(m.civilite),
                    appel: m.appel,
                    adresse: m.adresse,
                    email: m.email,
                })
            }
        };
        if let Some(found) = found {
            return found;
        }
    }
    Recipient {
        civilite: String::new(),
        appel: p.id.to_owned(),
        adresse: Vec::new(),
        email: None,
    }
}

/// The list of registered letters: one row per person, with their
/// address and the letters in the envelope (the PDF files printed).
fn registered_list(
    wording: &Wording,
    s: &Value,
    people: &[&Person],
    plans: &[Plan],
) -> Result<Vec<u8>, Error> {
    let columns = wording.with("envoi", context! { s => s }, |t| t.lines("colonnes"))?;
    let fail = |e: csv::Error| Error::Io(format!("la liste des recommandés\u{a0}: {e}"));
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    out.write_record(&columns).map_err(fail)?;
    for p in people {
        let r = recipient(plans, p);
        out.write_record([r.appel, r.adresse.join(", "), p.pdf_names().join(", ")])
            .map_err(fail)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| Error::Io(format!("la liste des recommandés\u{a0}: {e}")))?;
    // A BOM, for Excel to read UTF-8.
    Ok([b"\xEF\xBB\xBF".as_slice(), &bytes].concat())
}

/// The e-mail draft to `p`: To, Subject, the body, their PDF files and
/// calendar attached, `X-Unsent: 1` for the mail program to open it as a
/// draft to send.
fn draft(
    dir: &Path,
    (wording, s): (&Wording, &Value),
    plans: &[Plan],
    p: &Person,
    day: Date,
) -> Result<Vec<u8>, Error> {
    let r = &recipient(plans, p);
    use mail_builder::MessageBuilder;
    use mail_builder::headers::raw::Raw;
    let attached: Vec<&str> = p
        .documents
        .iter()
        .copied()
        .filter(|d| d.ends_with(".pdf") || d.ends_with(".ics"))
        .collect();
    let context = context! {
        s => s,
        p => context! { appel => &r.appel, civilite => &r.civilite },
        annulation => p.documents.iter().any(|d| super::is_cancellation(d)),
        calendrier => attached.iter().any(|d| d.ends_with(".ics")),
    };
    let (subject, body) = wording.with("envoi", context, |t| {
        let mut body = t.paragraphs("corps")?.join("\n\n");
        body.push_str("\n\n");
        body.push_str(&t.lines("signature")?.join("\n"));
        body.push('\n');
        Ok((t.text("sujet")?, body))
    })?;
    // The day of sending, at its start, as the calendars are stamped.
    let stamp = day.0.and_time(chrono::NaiveTime::MIN).and_utc().timestamp();
    let mut message = MessageBuilder::new()
        .subject(subject)
        .date(stamp)
        .header("X-Unsent", Raw::new("1"))
        .text_body(body);
    let sender = &plans[0].facts.responsable;
    let from = sender
        .email
        .clone()
        .or_else(|| plans[0].facts.centre_email.clone());
    if let Some(from) = from {
        message = message.from((sender.appel.clone(), from));
    }
    if let Some(email) = &r.email {
        message = message.to((r.appel.clone(), email.clone()));
    }
    for d in attached {
        let kind = match d.ends_with(".ics") {
            true => "text/calendar",
            false => "application/pdf",
        };
        message = message.attachment(kind, file_name(d).to_owned(), read(&dir.join(d))?);
    }
    message
        .write_to_vec()
        .map_err(|e| Error::Io(format!("le brouillon de courriel\u{a0}: {e}")))
}

/// The last part of a `/`-separated path.
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| io(path, &e))
}

fn save(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|e| io(path, &e))
}

fn io(path: &Path, e: &std::io::Error) -> Error {
    Error::Io(format!("« {} »\u{a0}: {e}", path.display()))
}
