//! Gradual models against values worked out by hand, and bounds on random frameworks.

use proptest::prelude::*;

use super::*;

/// A framework of `base.len()` arguments with `(from, to, weight)` attacks and supports.
fn qbaf(base: &[f64], attacks: &[(u32, u32, f64)], supports: &[(u32, u32, f64)]) -> Qbaf {
    let n = base.len();
    let mut q = Qbaf {
        base: base.to_vec(),
        attackers: vec![Vec::new(); n],
        supporters: vec![Vec::new(); n],
        fixed: vec![None; n],
    };
    for &(f, t, w) in attacks {
        q.attackers[t as usize].push((f, w));
    }
    for &(f, t, w) in supports {
        q.supporters[t as usize].push((f, w));
    }
    q
}

#[track_caller]
fn case(q: &Qbaf, model: Model, expected: &[f64]) {
    let s = q.solve(model);
    assert!(s.converged, "{model} did not converge: {s:?}");
    for (got, want) in s.values.iter().zip(expected) {
        assert!(
            (got - want).abs() < 1e-6,
            "{model}: got {:?}, want {expected:?}",
            s.values
        );
    }
}

#[test]
fn dfquad_by_hand() {
    use Model::DfQuad;
    // An unattacked attacker at full strength wipes out its target's base score...
    case(&qbaf(&[0.5, 1.0], &[(1, 0, 1.0)], &[]), DfQuad, &[0.0, 1.0]);
    // ...unless the attack is weighted: 0.5 - 0.5 * 0.6.
    case(&qbaf(&[0.5, 1.0], &[(1, 0, 0.6)], &[]), DfQuad, &[0.2, 1.0]);
    // Support moves towards 1 by its share of the room left: 0.5 + 0.5 * (0.5 * 0.8).
    case(&qbaf(&[0.5, 0.8], &[], &[(1, 0, 0.5)]), DfQuad, &[0.7, 0.8]);
    // Two attackers of 0.5 aggregate to 1 - 0.5 * 0.5 = 0.75.
    case(
        &qbaf(&[0.5, 0.5, 0.5], &[(1, 0, 1.0), (2, 0, 1.0)], &[]),
        DfQuad,
        &[0.125, 0.5, 0.5],
    );
    // A mutual attack settles where s = 0.5 - 0.5 s.
    case(
        &qbaf(&[0.5, 0.5], &[(0, 1, 1.0), (1, 0, 1.0)], &[]),
        DfQuad,
        &[1.0 / 3.0, 1.0 / 3.0],
    );
}

#[test]
fn energy_by_hand() {
    use Model::Energy;
    // Energy 1 gives h = 1/2: 0.5 + 0.5 * 0.5.
    case(
        &qbaf(&[0.5, 1.0], &[], &[(1, 0, 1.0)]),
        Energy,
        &[0.75, 1.0],
    );
    // Energy -1: 0.5 - 0.5 * 0.5.
    case(
        &qbaf(&[0.5, 1.0], &[(1, 0, 1.0)], &[]),
        Energy,
        &[0.25, 1.0],
    );
}

#[test]
fn fixed_strengths_pass_on() {
    let mut q = qbaf(&[0.5, 0.9], &[(1, 0, 1.0)], &[]);
    q.fixed[1] = Some(0.0);
    case(&q, Model::DfQuad, &[0.5, 0.0]);
}

#[test]
fn oscillation_is_reported() {
    // Two full-strength claims attacking each other flip between 1 and 0 forever.
    let s = qbaf(&[1.0, 1.0], &[(0, 1, 1.0), (1, 0, 1.0)], &[]).solve(Model::DfQuad);
    assert!(!s.converged);
    assert_eq!(s.iterations, MAX_ITERATIONS);
    assert!(s.residual > 0.5);
}

fn random_qbaf() -> impl Strategy<Value = Qbaf> {
    (1usize..=8).prop_flat_map(|n| {
        let edge = (0..n as u32, 0..n as u32, 0.0..=1.0f64);
        (
            proptest::collection::vec(0.0..=1.0f64, n),
            proptest::collection::vec(edge.clone(), 0..=n * 2),
            proptest::collection::vec(edge, 0..=n * 2),
        )
            .prop_map(|(base, attacks, supports)| qbaf(&base, &attacks, &supports))
    })
}

proptest! {
    #[test]
    fn strengths_stay_in_the_unit_interval(q in random_qbaf()) {
        for model in Model::ALL {
            let s = q.solve(*model);
            prop_assert!(s.values.iter().all(|v| (0.0..=1.0).contains(v)), "{:?}", s);
        }
    }
}
