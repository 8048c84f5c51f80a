//! A named view's selection, as declared in a claim file, turned into a [`Selection`].

use super::{Expr, ExprError, Selection};
use crate::model::ViewSelection;

impl Selection {
    /// The selection a view declares. `depth` defaults to 1 with `around`, as on the command
    /// line.
    ///
    /// # Errors
    /// When the view's `where` expression does not parse.
    pub fn from_view(view: &ViewSelection) -> Result<Selection, ExprError> {
        let filter = view
            .filter
            .as_ref()
            .map(|(text, _)| Expr::parse(text))
            .transpose()?;
        let depth = view
            .depth
            .unwrap_or(if view.around.is_empty() { 0 } else { 1 });
        Ok(Selection {
            tags: view.tags.clone(),
            by: view.by.clone(),
            rating: view.rating,
            kind: view.kind,
            relation: view.relation,
            filter,
            file: None,
            around: view.around.clone(),
            depth,
            direction: view.direction,
            no_sources: view.no_sources,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Origin};

    #[test]
    fn defaults_follow_the_command_line() {
        let around = ViewSelection {
            around: vec![Id::new("a").unwrap()],
            ..ViewSelection::default()
        };
        assert_eq!(Selection::from_view(&around).unwrap().depth, 1);
        assert!(
            Selection::from_view(&ViewSelection::default())
                .unwrap()
                .is_everything()
        );
        let bad = ViewSelection {
            filter: Some(("tag = ".into(), Origin::default())),
            ..ViewSelection::default()
        };
        assert_eq!(Selection::from_view(&bad).unwrap_err().column(), 7);
    }
}
