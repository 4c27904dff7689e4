"""gdlib.autodiff against independent computations: central differences, SymPy, closed forms."""

from __future__ import annotations

import sys
import time

import numpy as np
import pytest
import sympy as sp

from gdlib import autodiff as A
from gdlib.numdiff import numerical_gradient
from chained_bowl import f_n


def fd_grad(f, x, h=1e-6):
    """Central differences of a scalar function of one array, any shape (written here, not gdlib's)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        g[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def check_op(f, *shapes, positive=False, seed=0):
    """Reverse-mode gradient of sum(w * f(...)) (w random, so no entry is hidden) against central differences."""
    rng = np.random.default_rng(seed)
    args = [rng.uniform(0.5, 2.0, s) if positive else rng.normal(size=s) for s in shapes]
    out_shape = np.shape(f(*[A.Tensor(a) for a in args]).value)
    w = rng.normal(size=out_shape)
    grads = A.grad(lambda *ts: (f(*ts) * w).sum())(*args)
    grads = grads if len(args) > 1 else (grads,)
    for i, (a, g) in enumerate(zip(args, grads)):
        def fi(ai, i=i):
            vals = [A.Tensor(b) for b in args[:i]] + [A.Tensor(ai)] + [A.Tensor(b) for b in args[i + 1:]]
            return float((f(*vals).value * w).sum())
        assert g.shape == a.shape
        np.testing.assert_allclose(g, fd_grad(fi, a), rtol=1e-6, atol=1e-7)


BINARY = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}


@pytest.mark.parametrize("op", BINARY)
@pytest.mark.parametrize("shapes", [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)), ((), (3,))],
                         ids=str)
def test_binary_ops_with_broadcasting_match_central_differences(op, shapes):
    check_op(BINARY[op], *shapes, positive=(op == "/"))


@pytest.mark.parametrize("name, f, positive", [
    ("neg", lambda a: -a, False), ("pow 3", lambda a: a**3, False), ("pow -0.5", lambda a: a**-0.5, True),
    ("exp", A.exp, False), ("log", A.log, True), ("tanh", lambda a: a.tanh(), False),
    ("sigmoid", lambda a: a.sigmoid(), False), ("relu", lambda a: a.relu(), False),
    ("sum", lambda a: a.sum(), False), ("sum axis 0", lambda a: a.sum(axis=0), False),
    ("sum axis -1 keepdims", lambda a: a.sum(axis=-1, keepdims=True), False),
    ("mean", lambda a: a.mean(), False), ("mean axis 1", lambda a: a.mean(axis=1), False),
    ("index", lambda a: a[1], False), ("repeated index", lambda a: a[[0, 0, 2]], False),
    ("log_softmax", A.log_softmax, False), ("reverse operands", lambda a: 2.0 / a - 1.0 - a * 3.0 + 1.0, True),
])
def test_unary_ops_match_central_differences(name, f, positive):
    check_op(f, (3, 4), positive=positive)


@pytest.mark.parametrize("shapes", [((3, 4), (4, 2)), ((4,), (4, 2)), ((3, 4), (4,)), ((4,), (4,))], ids=str)
def test_matmul_matches_central_differences(shapes):
    check_op(lambda a, b: a @ b, *shapes)


def test_a_constant_array_on_the_left_and_a_reused_node():
    x = np.array([0.3, -1.2, 2.0])
    g = A.grad(lambda t: (np.array([1.0, 2.0, 3.0]) * t + t * t).sum())(x)  # ndarray * Tensor: Tensor.__rmul__
    np.testing.assert_allclose(g, [1.0, 2.0, 3.0] + 2 * x)


def test_an_array_on_the_left_of_matmul_and_inputs_get_their_own_gradients():
    rng = np.random.default_rng(4)
    X, w = rng.normal(size=(5, 3)), rng.normal(size=3)
    g = A.grad(lambda t: ((X @ t) ** 2).sum())(w)  # ndarray @ Tensor: Tensor.__rmatmul__
    np.testing.assert_allclose(g, 2 * X.T @ (X @ w), rtol=1e-12)
    a, b = A.Tensor([1.0, 2.0]), A.Tensor([3.0, 4.0])
    (a + b).sum().backward()
    a.grad[0] = 99.0  # a's gradient is its own array, not b's
    np.testing.assert_array_equal(b.grad, [1.0, 1.0])


def test_mean_is_sum_over_count():
    x = np.arange(12.0).reshape(3, 4)
    assert float(A.Tensor(x).mean().value) == pytest.approx(5.5)
    np.testing.assert_allclose(A.Tensor(x).mean(axis=0).value, [4.0, 5.0, 6.0, 7.0])
    np.testing.assert_allclose(A.grad(lambda t: t.mean(axis=1).sum())(x), np.full((3, 4), 0.25))


def test_relu_has_derivative_zero_at_zero_as_in_torch():
    np.testing.assert_array_equal(A.grad(lambda t: t.relu().sum())([-1.0, 0.0, 2.0]), [0.0, 0.0, 1.0])


def test_a_node_used_early_and_late_is_finished_before_its_users():
    # r = a + exp(a) with a = 2x: a's gradient 1 + e^a must be complete before x is visited
    for build in (lambda a: a + A.exp(a), lambda a: A.exp(a) + a):
        x = A.Tensor(0.5)
        a = x * 2.0
        r = build(a)
        r.backward()
        assert float(x.grad) == pytest.approx(2 * (1 + np.e), rel=1e-14)
        ops = [n.op for n in r.graph()]
        assert ops.index("*") < ops.index("exp") < ops.index("+")


def test_sigmoid_and_log_softmax_do_not_overflow():
    z = A.Tensor([[-800.0, 0.0, 800.0]])
    assert np.all(np.isfinite(z.sigmoid().value)) and z.sigmoid().value[0, 0] == 0.0
    np.testing.assert_allclose(A.log_softmax(z).value, [[-1600.0, -800.0, 0.0]])


# --- the source article's example ---------------------------------------------------------------
def f_article(x, y):
    return x**2 + x * y + y**2


def test_article_example_value_7_gradient_5_4_and_sympy():
    value, (dx, dy) = A.value_and_grad(f_article)(2.0, 1.0)
    x, y = sp.symbols("x y", real=True)
    f = x**2 + x * y + y**2
    at = {x: 2, y: 1}
    assert value == float(f.subs(at)) == 7.0
    assert (float(dx), float(dy)) == (float(sp.diff(f, x).subs(at)), float(sp.diff(f, y).subs(at))) == (5.0, 4.0)
    np.testing.assert_array_equal(A.grad(lambda p: f_article(p[0], p[1]))([2.0, 1.0]), [5.0, 4.0])


def test_tape_lists_the_nodes_in_order_with_values_and_gradients():
    x, y = A.Tensor(2.0, "x"), A.Tensor(1.0, "y")
    out = f_article(x, y)
    out.backward()
    rows = A.tape(out)
    assert rows[-1].op == "+" and float(rows[-1].value) == 7.0 and float(rows[-1].grad) == 1.0
    by_name = {r.name: r for r in rows if r.name}
    assert float(by_name["x"].grad) == 5.0 and float(by_name["y"].grad) == 4.0
    ops = sorted(r.op for r in rows)
    assert ops == sorted(["input", "input", "**2", "*", "**2", "+", "+"])
    for r in rows:  # every node comes after its inputs
        assert all(i < r.index for i in r.inputs)
    xy = next(r for r in rows if r.op == "*")  # d out / d(xy) = 1, its value 2
    assert float(xy.value) == 2.0 and float(xy.grad) == 1.0


def test_gradient_descent_from_3_4_matches_the_closed_form():
    p, eta, steps = np.array([3.0, 4.0]), 0.1, 0
    g = A.grad(lambda q: f_article(q[0], q[1]))
    while steps < 100 and np.linalg.norm(g(p)) >= 1e-6:
        p = p - eta * g(p)
        steps += 1
    # closed form: grad f = H p with H = [[2, 1], [1, 2]], so p_k = (I - eta H)^k p_0, exactly in SymPy
    M = sp.eye(2) - sp.Rational(1, 10) * sp.Matrix([[2, 1], [1, 2]])
    exact = np.array((M**100 * sp.Matrix([3, 4])).evalf(30), dtype=float).ravel()
    # the slow direction (1, -1) shrinks by 0.9 a step: 100 steps leave |grad| near 2e-5, above 1e-6
    assert steps == 100
    np.testing.assert_allclose(p, exact, rtol=1e-9)
    assert np.linalg.norm(p) < 3e-5  # the minimum is (0, 0)
    assert np.linalg.norm(g(p)) == pytest.approx(np.linalg.norm(np.array([[2, 1], [1, 2]]) @ exact), rel=1e-9)


# --- networks and the cross-entropy ---------------------------------------------------------------
def two_layer(params, X, y, shapes):
    W1, b1, W2, b2 = params
    return A.cross_entropy((X @ W1 + b1).tanh() @ W2 + b2, y)


def test_two_layer_network_gradients_match_numdiff():
    rng = np.random.default_rng(1)
    shapes = [(5, 4), (4,), (4, 3), (3,)]
    sizes = [int(np.prod(s)) for s in shapes]
    X, y = rng.normal(size=(6, 5)), rng.integers(0, 3, 6)
    flat = rng.normal(size=sum(sizes))

    def unflat(v):
        return [v[a:b].reshape(s) for a, b, s in zip(np.cumsum([0] + sizes[:-1]), np.cumsum(sizes), shapes)]
    grads = A.grad(lambda *ps: two_layer(ps, A.Tensor(X), y, shapes))(*unflat(flat))
    numeric = numerical_gradient(lambda v: float(two_layer([A.Tensor(p) for p in unflat(v)], A.Tensor(X), y, shapes).value), flat)
    np.testing.assert_allclose(np.concatenate([g.ravel() for g in grads]), numeric, rtol=1e-6, atol=1e-8)


def test_two_layer_sigmoid_network_matches_sympy():
    # 1 input -> 2 sigmoid units -> 1 output, squared error: the whole chain rule done by SymPy
    w = sp.symbols("w1:3", real=True)
    v = sp.symbols("v1:3", real=True)
    xs, ys = [0.5, -1.0], [1.0, 0.0]
    sig = lambda z: 1 / (1 + sp.exp(-z))
    loss = sum((v[0] * sig(w[0] * a) + v[1] * sig(w[1] * a) - b) ** 2 for a, b in zip(xs, ys)) / 2
    at = dict(zip(w + v, [0.3, -0.7, 1.1, 0.4]))
    expected = [float(sp.diff(loss, s).subs(at)) for s in w + v]

    def ad_loss(W, V):
        X = A.Tensor(np.array(xs).reshape(2, 1))
        out = (X @ W).sigmoid() @ V
        return ((out - np.array(ys)) ** 2).sum() / 2
    gW, gV = A.grad(ad_loss)(np.array([[0.3, -0.7]]), np.array([1.1, 0.4]))
    np.testing.assert_allclose(np.concatenate([gW.ravel(), gV]), expected, rtol=1e-12)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_network_matches_the_hand_written_backpropagation(activation):
    from gdlib import network  # the backpropagation chapter's network, gradients derived by hand
    rng = np.random.default_rng(5)
    params = network.init((8, 6, 4), seed=1)
    X, y = rng.normal(size=(10, 8)), rng.integers(0, 4, 10)
    loss, hand = network.loss_and_gradients(params, X, y, activation=activation)

    def ad_loss(W1, b1, W2, b2):
        Z1 = X @ W1 + b1
        return A.cross_entropy(getattr(Z1, activation)() @ W2 + b2, y)
    value, grads = A.value_and_grad(ad_loss)(*params)
    assert value == pytest.approx(loss, rel=1e-12)
    for name, g, h in zip(network.Params._fields, grads, hand):
        np.testing.assert_allclose(g, h, rtol=1e-10, atol=1e-14, err_msg=name)


def test_cross_entropy_gradient_is_softmax_minus_one_hot_over_n():
    rng = np.random.default_rng(2)
    z, y = rng.normal(size=(5, 4)) * 3, np.array([0, 3, 1, 1, 2])
    value, g = A.value_and_grad(lambda t: A.cross_entropy(t, y))(z)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)  # softmax, written out directly
    np.testing.assert_allclose(g, (p - np.eye(4)[y]) / 5, rtol=1e-12, atol=1e-15)
    assert value == pytest.approx(-np.log(p[np.arange(5), y]).mean(), rel=1e-12)


def test_cross_entropy_is_stable_for_large_logits():
    value, g = A.value_and_grad(lambda t: A.cross_entropy(t, [0, 1]))(np.array([[1000.0, 0.0], [0.0, 1000.0]]))
    assert value == 0.0 and np.all(np.isfinite(g))
    assert A.value_and_grad(lambda t: A.cross_entropy(t, [1]))(np.array([[1000.0, 0.0]]))[0] == 1000.0


def test_backward_with_a_seed_gives_a_vector_jacobian_product():
    x = A.Tensor([1.0, 2.0, 3.0])
    out = x * x
    out.backward(seed=[1.0, 0.0, -1.0])
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, -6.0])
    (x * 3.0).sum().backward()  # a new backward replaces the gradient, it does not add to it
    np.testing.assert_array_equal(x.grad, [3.0, 3.0, 3.0])


def test_a_chain_of_ten_thousand_additions_needs_no_recursion():
    x = A.Tensor(1.0)
    out = x
    for _ in range(10_000):
        out = out + x
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # a recursive topological sort would fail here at once
    try:
        out.backward()
        assert len(out.graph()) == 10_001
    finally:
        sys.setrecursionlimit(limit)
    assert float(out.value) == 10_001.0 and float(x.grad) == 10_001.0
    del out  # freeing the chain must not recurse either


# --- forward mode ---------------------------------------------------------------------------------
def test_dual_derivatives_match_sympy():
    t = sp.Symbol("t", real=True)
    exprs = {
        "poly": (lambda x: 3 * x**3 - x / 2 + 1, 3 * t**3 - t / 2 + 1),
        "quotient": (lambda x: (x + 1) / (x * x + 2), (t + 1) / (t * t + 2)),
        "exp log sin": (lambda x: A.exp(A.sin(x)) * A.log(x) - 2 ** 1 / x, sp.exp(sp.sin(t)) * sp.log(t) - 2 / t),
        "power": (lambda x: x**-1.5 - (1 - x) ** 2, t ** sp.Rational(-3, 2) - (1 - t) ** 2),
    }
    for name, (f, expr) in exprs.items():
        for a in (0.7, 1.9):
            d = f(A.Dual(a, 1.0))
            assert d.value == pytest.approx(float(expr.subs(t, a)), rel=1e-12), name
            assert d.derivative == pytest.approx(float(sp.diff(expr, t).subs(t, a)), rel=1e-12), name


def test_forward_mode_needs_n_passes_reverse_mode_one():
    calls = {"f": 0}

    def f(p):
        calls["f"] += 1
        out = p[0] * 0.0
        for i in range(len(p)):
            out = out + (i + 1) * p[i] * p[i]
        return out
    x = np.linspace(-1, 1, 7)
    forward = A.forward_gradient(f, x)
    assert calls["f"] == 7
    calls["f"] = 0
    reverse = A.grad(f)(x)
    assert calls["f"] == 1
    np.testing.assert_allclose(forward, 2 * np.arange(1, 8) * x, rtol=1e-14)
    np.testing.assert_allclose(reverse, 2 * np.arange(1, 8) * x, rtol=1e-14)
    v = np.array([1.0, -2.0, 0, 0, 0, 0, 0.5])
    assert A.directional_derivative(f, x, v) == pytest.approx(forward @ v, rel=1e-14)


# --- speed (printed, not asserted) ----------------------------------------------------------------
def test_capstone_network_step_is_fast(capsys):
    rng = np.random.default_rng(3)
    X, y = A.Tensor(rng.normal(size=(64, 64))), rng.integers(0, 10, 64)
    W1, b1 = A.Tensor(rng.normal(size=(64, 32)) / 8), A.Tensor(np.zeros(32))
    W2, b2 = A.Tensor(rng.normal(size=(32, 10)) / 6), A.Tensor(np.zeros(10))
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        loss = A.cross_entropy((X @ W1 + b1).relu() @ W2 + b2, y)
        loss.backward()
    ms = (time.perf_counter() - start) / runs * 1e3
    assert W1.grad.shape == (64, 32) and b2.grad.shape == (10,)
    with capsys.disabled():
        print(f"\n64->32->10 forward+backward, batch 64: {ms:.3f} ms")


# --- drawing and counting (the automatic-differentiation chapter) ------------------------------------
def _bowl_tape():
    from gdlib.autodiff import Tensor, tape
    x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    out = x**2 + x * y + y**2
    out.backward()
    return tape(out)


def test_graph_layout_puts_every_node_right_of_its_inputs():
    from gdlib.autodiff import graph_layout
    entries = _bowl_tape()
    where = graph_layout(entries)
    assert where == [(0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (1, 2), (3, 0)]
    for e in entries:
        assert all(where[i][0] < where[e.index][0] for i in e.inputs)
    assert len(set(where)) == len(where)  # no two nodes in one place


def test_node_formulas_read_like_the_math():
    from gdlib.autodiff import node_formula, node_names
    entries = _bowl_tape()
    assert node_names(entries) == ["x", "v_1", "y", "v_2", "v_3", "v_4", "v_5"]
    assert [node_formula(entries, i) for i in range(7)] == [
        "x", "v_1 = x^{2}", "y", "v_2 = x y", "v_3 = v_1 + v_2", "v_4 = y^{2}", "v_5 = v_3 + v_4"]


def test_operation_counts_follow_n_passes_against_one():
    from gdlib.autodiff import operation_counts

    for n in (1, 2, 3, 10, 50):
        c = operation_counts(f_n, np.arange(1.0, n + 1))
        per_run = 4 * n - 3  # n squares, n - 1 products, 2n - 2 additions
        assert (c.n, c.forward_passes, c.forward_operations) == (n, n, n * per_run)
        assert (c.reverse_passes, c.reverse_operations) == (2, 2 * per_run)


def test_operation_counts_refuses_a_wrong_gradient():
    from gdlib.autodiff import Dual, operation_counts
    # a function whose forward-mode derivative is broken (it drops the derivative): the modes disagree
    bad = lambda xs: Dual(xs[0].value**2) if isinstance(xs[0], Dual) else xs[0] ** 2
    with pytest.raises(AssertionError, match="disagree"):
        operation_counts(bad, [3.0])


def test_local_slopes_are_the_partial_derivatives_of_each_operation():
    from gdlib.autodiff import Tensor, local_slopes
    x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    # tape order: x, v1 = x^2, y, v2 = xy, v3 = v1 + v2, v4 = y^2, v5 = v3 + v4
    assert local_slopes(x**2 + x * y + y**2) == {(1, 0): 2 * 2.0, (3, 0): 1.0, (3, 2): 2.0, (4, 1): 1.0,
                                                 (4, 3): 1.0, (5, 2): 2 * 1.0, (6, 4): 1.0, (6, 5): 1.0}
    z = Tensor(3.0, "z")
    assert local_slopes(z * z) == {(1, 0): 6.0}  # both factors are z: the two slopes 3 + 3 on one arrow
    # the adjoint rule with these slopes gives the gradient that backward sets
    out = x**2 + x * y + y**2
    slopes, bars = local_slopes(out), {6: 1.0}
    for i in range(6, -1, -1):
        for (k, j), s in slopes.items():
            if k == i:
                bars[j] = bars.get(j, 0.0) + bars[i] * s
    assert (bars[0], bars[2]) == (5.0, 4.0)
