//! The JSON Schema of the session file (draft 2020-12), with a French
//! description of every field: an editor with a YAML language server
//! completes and checks the file as it is typed. `sessiondoc schema`
//! prints it; `init` writes it beside the example it creates.

/// The schema, as a JSON text.
pub const SCHEMA: &str = include_str!("../schema/session.schema.json");

/// The file name `init` gives it, and the example's first line names.
pub const FILE_NAME: &str = "session.schema.json";
