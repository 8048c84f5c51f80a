//! Dung semantics against hand-worked examples and, on random small frameworks, against a
//! brute-force enumeration of every subset.

use proptest::prelude::*;

use super::*;

fn af(n: usize, pairs: &[(u32, u32)]) -> Attacks {
    Attacks::from_pairs(n, pairs.iter().copied())
}

fn sets(labellings: &[Vec<Label>]) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = labellings.iter().map(|l| extension(l)).collect();
    out.sort();
    out
}

#[track_caller]
fn case(n: usize, pairs: &[(u32, u32)], semantics: Semantics, expected: &[&[u32]]) {
    let got = sets(&labellings(&af(n, pairs), semantics, &Deadline::never()).unwrap());
    let mut expected: Vec<Vec<u32>> = expected.iter().map(|e| e.to_vec()).collect();
    expected.sort();
    assert_eq!(got, expected, "{semantics} on {pairs:?}");
}

#[test]
fn hand_worked_examples() {
    use Semantics::*;
    // a -> b -> c: a and c stand.
    case(3, &[(0, 1), (1, 2)], Grounded, &[&[0, 2]]);
    case(3, &[(0, 1), (1, 2)], Preferred, &[&[0, 2]]);
    // a <-> b: nothing grounded, two preferred and stable, three complete.
    case(2, &[(0, 1), (1, 0)], Grounded, &[&[]]);
    case(2, &[(0, 1), (1, 0)], Complete, &[&[], &[0], &[1]]);
    case(2, &[(0, 1), (1, 0)], Preferred, &[&[0], &[1]]);
    case(2, &[(0, 1), (1, 0)], Stable, &[&[0], &[1]]);
    // An odd cycle has no stable extension; a self-attacker none with it in.
    case(3, &[(0, 1), (1, 2), (2, 0)], Stable, &[]);
    case(3, &[(0, 1), (1, 2), (2, 0)], Preferred, &[&[]]);
    case(2, &[(0, 0), (0, 1)], Grounded, &[&[]]);
    case(2, &[(0, 0)], Grounded, &[&[1]]);
    case(2, &[(0, 0)], Stable, &[]);
    // a <-> b, b -> c, c -> d: the choice of a or b decides c and d.
    case(
        4,
        &[(0, 1), (1, 0), (1, 2), (2, 3)],
        Preferred,
        &[&[0, 2], &[1, 3]],
    );
}

#[test]
fn acceptance_with_witnesses() {
    use Mode::*;
    use Semantics::*;
    let never = Deadline::never();
    // a <-> b, b -> c.
    let f = af(3, &[(0, 1), (1, 0), (1, 2)]);
    let yes = accept(&f, Preferred, Credulous, 2, &never).unwrap();
    assert!(yes.accepted);
    assert_eq!(extension(&yes.witness.unwrap()), vec![0, 2]);
    let no = accept(&f, Preferred, Sceptical, 2, &never).unwrap();
    assert!(!no.accepted);
    assert_eq!(extension(&no.witness.unwrap()), vec![1]);
    assert!(!accept(&f, Grounded, Credulous, 2, &never).unwrap().accepted);
    assert!(accept(&f, Stable, Credulous, 1, &never).unwrap().accepted);
    // An odd cycle: no stable extension, so everything is sceptically (vacuously) accepted.
    let odd = af(3, &[(0, 1), (1, 2), (2, 0)]);
    assert!(accept(&odd, Stable, Sceptical, 0, &never).unwrap().accepted);
    assert!(!accept(&odd, Stable, Credulous, 0, &never).unwrap().accepted);
    // A floating acceptance: c is in every preferred extension, but not in the grounded one.
    let float = af(4, &[(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]);
    let d = accept(&float, Preferred, Sceptical, 3, &never).unwrap();
    assert!(d.accepted && d.witness.is_none());
    assert!(
        !accept(&float, Grounded, Sceptical, 3, &never)
            .unwrap()
            .accepted
    );
}

#[test]
fn one_extension_per_semantics() {
    let f = af(4, &[(0, 1), (1, 0), (1, 2), (2, 3)]);
    let never = Deadline::never();
    let pr = one(&f, Semantics::Preferred, &never).unwrap().unwrap();
    assert!(is_complete(&f, &pr));
    assert!(pr.iter().all(|l| *l != Label::Undec));
    assert_eq!(
        one(&af(1, &[(0, 0)]), Semantics::Stable, &never).unwrap(),
        None
    );
}

#[test]
fn a_search_that_runs_too_long_times_out() {
    // 40 disjoint mutual attacks: 3^40 complete labellings.
    let pairs: Vec<(u32, u32)> = (0..40)
        .flat_map(|i| [(2 * i, 2 * i + 1), (2 * i + 1, 2 * i)])
        .collect();
    let f = af(80, &pairs);
    let deadline = Deadline::after(Some(std::time::Duration::from_millis(50)));
    let err = labellings(&f, Semantics::Complete, &deadline).unwrap_err();
    assert_eq!(err.limit, std::time::Duration::from_millis(50));
}

/// Every extension of a semantics, by trying all 2^n subsets.
fn brute(f: &Attacks, semantics: Semantics) -> Vec<Vec<u32>> {
    let n = f.len();
    let member = |s: u32, a: u32| s & (1 << a) != 0;
    let attacked_by = |s: u32, a: u32| f.attackers(a).iter().any(|&b| member(s, b));
    let defended = |s: u32, a: u32| f.attackers(a).iter().all(|&b| attacked_by(s, b));
    let complete: Vec<u32> = (0..1u32 << n)
        .filter(|&s| {
            (0..n as u32).all(|a| {
                let free = !(member(s, a) && attacked_by(s, a));
                free && member(s, a) == defended(s, a)
            })
        })
        .collect();
    let chosen: Vec<u32> = match semantics {
        Semantics::Complete => complete.clone(),
        Semantics::Grounded => vec![
            complete
                .iter()
                .copied()
                .min_by_key(|s| s.count_ones())
                .unwrap_or(0),
        ],
        Semantics::Preferred => complete
            .iter()
            .copied()
            .filter(|&s| !complete.iter().any(|&t| t != s && t & s == s))
            .collect(),
        Semantics::Stable => complete
            .iter()
            .copied()
            .filter(|&s| (0..n as u32).all(|a| member(s, a) || attacked_by(s, a)))
            .collect(),
    };
    let mut out: Vec<Vec<u32>> = chosen
        .into_iter()
        .map(|s| (0..n as u32).filter(|&a| member(s, a)).collect())
        .collect();
    out.sort();
    out
}

fn small_framework() -> impl Strategy<Value = Attacks> {
    (1usize..=8).prop_flat_map(|n| {
        proptest::collection::vec((0..n as u32, 0..n as u32), 0..=n * 2)
            .prop_map(move |pairs| Attacks::from_pairs(n, pairs))
    })
}

fn conflict_free(f: &Attacks, ext: &[u32]) -> bool {
    ext.iter().all(|&a| ext.iter().all(|&b| !f.attacks(a, b)))
}

fn admissible(f: &Attacks, ext: &[u32]) -> bool {
    conflict_free(f, ext)
        && ext.iter().all(|&a| {
            f.attackers(a)
                .iter()
                .all(|&b| ext.iter().any(|&c| f.attacks(c, b)))
        })
}

proptest! {
    #[test]
    fn search_matches_brute_force(f in small_framework()) {
        let never = Deadline::never();
        for semantics in Semantics::ALL {
            let got = labellings(&f, *semantics, &never).unwrap();
            prop_assert!(got.iter().all(|l| is_complete(&f, l)));
            prop_assert_eq!(sets(&got), brute(&f, *semantics), "{}", semantics);
        }
    }

    #[test]
    fn grounded_is_admissible_and_inside_every_complete_extension(f in small_framework()) {
        let g = extension(&grounded(&f));
        prop_assert!(conflict_free(&f, &g));
        prop_assert!(admissible(&f, &g));
        for complete in labellings(&f, Semantics::Complete, &Deadline::never()).unwrap() {
            let c = extension(&complete);
            prop_assert!(g.iter().all(|a| c.contains(a)));
        }
    }

    #[test]
    fn every_stable_extension_is_preferred(f in small_framework()) {
        let never = Deadline::never();
        let preferred = sets(&labellings(&f, Semantics::Preferred, &never).unwrap());
        for stable in sets(&labellings(&f, Semantics::Stable, &never).unwrap()) {
            prop_assert!(preferred.contains(&stable));
        }
    }

    #[test]
    fn acceptance_agrees_with_the_extensions(f in small_framework(), pick in 0u32..8) {
        let never = Deadline::never();
        let a = pick % f.len() as u32;
        for semantics in Semantics::ALL {
            let all = labellings(&f, *semantics, &never).unwrap();
            let credulous = all.iter().any(|l| l[a as usize] == Label::In);
            let sceptical = all.iter().all(|l| l[a as usize] == Label::In);
            let c = accept(&f, *semantics, Mode::Credulous, a, &never).unwrap();
            let s = accept(&f, *semantics, Mode::Sceptical, a, &never).unwrap();
            prop_assert_eq!(c.accepted, credulous, "credulous {}", semantics);
            prop_assert_eq!(s.accepted, sceptical, "sceptical {}", semantics);
            for w in c.witness.iter().chain(&s.witness) {
                prop_assert!(all.contains(w) || *semantics == Semantics::Complete && is_complete(&f, w));
            }
        }
    }
}
