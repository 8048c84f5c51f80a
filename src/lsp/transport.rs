//! JSON-RPC over stdin and stdout, framed by `Content-Length` headers. lsp-server's own stdio
//! transport stops reading at the first message that is not valid JSON; this one skips it and
//! tells the client with a `window/logMessage`, so one bad message does not end the session.

use std::io::{self, BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{Connection, Message, Notification};
use lsp_types::{LogMessageParams, MessageType};

/// The two threads behind a connection; join them after the connection is dropped.
pub struct Threads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<()>,
}

impl Threads {
    /// Waits for both threads to finish.
    pub fn join(self) {
        // A thread that panicked has nothing more to say; the session is over either way.
        let _ = self.reader.join();
        let _ = self.writer.join();
    }
}

/// A connection over the process's stdin and stdout.
pub fn stdio() -> (Connection, Threads) {
    let (to_client, outgoing) = unbounded::<Message>();
    let (incoming, from_client) = unbounded::<Message>();
    let writer = thread::spawn(move || write_all(&outgoing));
    let log = to_client.clone();
    let reader = thread::spawn(move || read_all(&mut io::stdin().lock(), &incoming, &log));
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (connection, Threads { reader, writer })
}

/// Writes each message until the channel closes or stdout fails (the client went away).
fn write_all(outgoing: &Receiver<Message>) {
    let mut stdout = io::stdout().lock();
    for message in outgoing {
        if message
            .write(&mut stdout)
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Reads messages until end of input, skipping (and reporting) those that cannot be read.
pub fn read_all(input: &mut impl BufRead, incoming: &Sender<Message>, log: &Sender<Message>) {
    loop {
        match Message::read(input) {
            Ok(Some(message)) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if incoming.send(message).is_err() || exit {
                    return;
                }
            }
            Ok(None) => return,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                let message = format!("claimgraph: ignored a message that could not be read: {e}");
                let params = LogMessageParams {
                    typ: MessageType::WARNING,
                    message,
                };
                let note = Notification::new("window/logMessage".to_owned(), params);
                // When the writer is gone, so is the client: the next read ends the loop.
                let _ = log.send(note.into());
            }
            Err(_) => return,
        }
    }
}
