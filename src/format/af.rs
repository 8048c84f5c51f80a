//! Abstract argumentation frameworks as files (ICCMA's apx, tgf and `.af` formats): writing an
//! attack graph in each, and the side file that names its arguments.
//!
//! The writers number the arguments `1..n` in framework order; a side file ([`map_tsv`]) maps
//! each number back to its claim id. The readers are below the loader, which reads these files
//! as claims ([`crate::load::framework`]); [`AfFormat`] is theirs, named again here for the
//! writers.

use super::{apx, iccma, tgf};
use crate::eval::Framework;
pub use crate::load::framework::AfFormat;

/// Writes the attacks of `framework` in `format`, numbering arguments `1..n` in framework
/// order.
pub fn write(format: AfFormat, framework: &Framework) -> String {
    let attacks = framework.attacks();
    match format {
        AfFormat::Apx => apx::write(attacks),
        AfFormat::Tgf => tgf::write(attacks),
        AfFormat::Iccma => iccma::write(attacks),
    }
}

/// The side file of an export: `number<TAB>claim id`, one line per argument, after a header.
pub fn map_tsv(framework: &Framework) -> String {
    let mut out = String::from("number\tid\n");
    for (i, id) in framework.ids().iter().enumerate() {
        out.push_str(&format!("{}\t{id}\n", i + 1));
    }
    out
}
