//! The message loop: the capabilities offered, then each message in turn. Requests are
//! answered from the workspace's last loaded state; document notifications change it and
//! publish the diagnostics that changed. A request that cannot be read gets an LSP error; a
//! notification that cannot be read, or one for a file outside the workspace, is ignored.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crossbeam_channel::TryRecvError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _, WorkspaceSymbolRequest,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, InitializeParams,
    OneOf, RenameOptions, SaveOptions, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::rename::Refusal;
use super::workspace::Workspace;
use super::{LspError, actions, complete, hover, navigate, position, rename, symbols};

/// What the server offers.
pub fn capabilities() -> ServerCapabilities {
    let sync = TextDocumentSyncOptions {
        open_close: Some(true),
        change: Some(TextDocumentSyncKind::FULL),
        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
            include_text: Some(true),
        })),
        ..TextDocumentSyncOptions::default()
    };
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".to_owned(), "[".to_owned()]),
            ..CompletionOptions::default()
        }),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: lsp_types::WorkDoneProgressOptions::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves `connection` until the client says `exit` or goes away. `claims` is the claims
/// directory, relative to the client's workspace folder when it names one.
///
/// # Errors
/// [`LspError::Protocol`] when the client does not begin with `initialize`.
pub fn serve(connection: &Connection, claims: &Path) -> Result<(), LspError> {
    let caps = serde_json::to_value(capabilities()).map_err(LspError::Json)?;
    let params = connection.initialize(caps)?;
    let root = serde_json::from_value::<InitializeParams>(params)
        .ok()
        .and_then(|p| client_root(&p));
    let claims = match root {
        Some(root) => root.join(claims),
        None => claims.to_path_buf(),
    };
    let mut server = Server {
        connection,
        workspace: Workspace::new(std::path::absolute(&claims).unwrap_or(claims)),
        published: BTreeSet::new(),
    };
    server.publish();
    server.run()
}

/// The client's workspace folder: its first folder, else its root URI.
#[allow(deprecated)] // `root_uri` is how older clients name the folder.
fn client_root(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params.workspace_folders.as_ref().and_then(|f| f.first());
    let url = folder.map(|f| &f.uri).or(params.root_uri.as_ref())?;
    url.to_file_path().ok()
}

struct Server<'a> {
    connection: &'a Connection,
    workspace: Workspace,
    /// The files that have diagnostics in the editor now.
    published: BTreeSet<PathBuf>,
}

impl Server<'_> {
    fn run(&mut self) -> Result<(), LspError> {
        while let Some(message) = self.next() {
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    if reads_the_graph(&request.method) {
                        self.refresh();
                    }
                    let response = self.respond(request);
                    if self.connection.sender.send(response.into()).is_err() {
                        return Ok(());
                    }
                }
                Message::Notification(n) => self.notify(n),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    /// The next message, or `None` when the client has gone. While an edit waits for its
    /// refresh, a message that is already there comes first; the refresh runs when none is.
    fn next(&mut self) -> Option<Message> {
        let receiver = &self.connection.receiver;
        while self.workspace.is_stale() {
            match receiver.try_recv() {
                Ok(message) => return Some(message),
                Err(TryRecvError::Empty) => self.refresh(),
                Err(TryRecvError::Disconnected) => return None,
            }
        }
        receiver.recv().ok()
    }

    /// Brings the diagnostics up to the last edit, and sends them if they were behind.
    fn refresh(&mut self) {
        if self.workspace.refresh_if_stale() {
            self.publish();
        }
    }

    /// The answer to one request.
    fn respond(&self, request: Request) -> Response {
        let state = self.workspace.state();
        let id = request.id.clone();
        let result = match request.method.as_str() {
            GotoDefinition::METHOD => answer(request, |p| navigate::definition(state, &p)),
            References::METHOD => answer(request, |p| navigate::references(state, &p)),
            HoverRequest::METHOD => answer(request, |p| hover::hover(state, &p)),
            DocumentSymbolRequest::METHOD => answer(request, |p| symbols::document(state, &p)),
            WorkspaceSymbolRequest::METHOD => answer(request, |p| symbols::workspace(state, &p)),
            Completion::METHOD => answer(request, |p| complete::complete(state, &p)),
            CodeActionRequest::METHOD => answer(request, |p| actions::actions(state, &p)),
            PrepareRenameRequest::METHOD => try_answer(request, |p| rename::prepare(state, &p)),
            Rename::METHOD => try_answer(request, |p| rename::rename(state, &p)),
            method => Err((
                ErrorCode::MethodNotFound,
                format!("`{method}` is not supported by claimgraph"),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// Applies one notification; what cannot be read, or is not ours, is ignored.
    fn notify(&mut self, n: Notification) {
        let changed = match n.method.as_str() {
            DidOpenTextDocument::METHOD => read::<lsp_types::DidOpenTextDocumentParams>(n)
                .is_some_and(|p| self.set(&p.text_document.uri, p.text_document.text)),
            DidChangeTextDocument::METHOD => read::<lsp_types::DidChangeTextDocumentParams>(n)
                .and_then(|mut p| Some((p.text_document.uri, p.content_changes.pop()?.text)))
                .is_some_and(|(uri, text)| self.set(&uri, text)),
            DidSaveTextDocument::METHOD => read::<lsp_types::DidSaveTextDocumentParams>(n)
                .is_some_and(|p| match p.text {
                    Some(text) => self.set(&p.text_document.uri, text),
                    None => {
                        self.workspace.reload();
                        true
                    }
                }),
            DidCloseTextDocument::METHOD => read::<lsp_types::DidCloseTextDocumentParams>(n)
                .and_then(|p| position::path(&p.text_document.uri))
                .is_some_and(|path| self.workspace.close(&path)),
            _ => false,
        };
        if changed && !self.workspace.is_stale() {
            self.publish();
        }
    }

    fn set(&mut self, uri: &lsp_types::Url, text: String) -> bool {
        position::path(uri).is_some_and(|path| self.workspace.set(path, text))
    }

    /// Sends the diagnostics of every file that has some, or had some before.
    fn publish(&mut self) {
        for params in super::diagnostics::publish(self.workspace.state(), &mut self.published) {
            let n = Notification::new(PublishDiagnostics::METHOD.to_owned(), params);
            if self.connection.sender.send(n.into()).is_err() {
                return;
            }
        }
    }
}

/// Whether answering `method` reads diagnostics, the graph or the labels, which an edit makes
/// stale; the other requests read the texts and the id index, which are current at once.
fn reads_the_graph(method: &str) -> bool {
    matches!(
        method,
        HoverRequest::METHOD
            | CodeActionRequest::METHOD
            | DocumentSymbolRequest::METHOD
            | WorkspaceSymbolRequest::METHOD
    )
}

/// A notification's parameters, if they can be read.
fn read<P: DeserializeOwned>(n: Notification) -> Option<P> {
    serde_json::from_value(n.params).ok()
}

type Answer = Result<Value, Refusal>;

/// Reads a request's parameters and answers with `handler`, or with `InvalidParams`.
fn answer<P: DeserializeOwned, R: serde::Serialize>(
    request: Request,
    handler: impl FnOnce(P) -> R,
) -> Answer {
    try_answer(request, |p| Ok(handler(p)))
}

/// [`answer`] for a handler that may refuse, with the error it gives.
fn try_answer<P: DeserializeOwned, R: serde::Serialize>(
    request: Request,
    handler: impl FnOnce(P) -> Result<R, Refusal>,
) -> Answer {
    let method = request.method.clone();
    let params: P = serde_json::from_value(request.params).map_err(|e| {
        let message = format!("the parameters of `{method}` could not be read: {e}");
        (ErrorCode::InvalidParams, message)
    })?;
    serde_json::to_value(handler(params)?).map_err(|e| {
        (
            ErrorCode::InternalError,
            format!("the answer to `{method}`: {e}"),
        )
    })
}
