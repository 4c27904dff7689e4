r"""Automatic differentiation: reverse mode (a :class:`Tensor` that records its operations) and
forward mode (a :class:`Dual` number), small enough to read in one sitting.

Reverse mode (seed 002 step 8). Every operation on a :class:`Tensor` makes a new node that
remembers its inputs and a *backward rule*: given :math:`\bar v = \partial L / \partial v` for
its output :math:`v`, the rule returns :math:`\bar u = \bar v\, \partial v / \partial u` for each
input :math:`u`. :meth:`Tensor.backward` visits the nodes from the output back to the inputs
(reverse topological order) and adds up, for each node, the contributions of every node that
used it -- the multivariate chain rule

.. math::
    \bar u = \sum_{v \text{ uses } u} \bar v \, \frac{\partial v}{\partial u}.

One backward pass gives the whole gradient of one output, whatever the number of inputs.

Forward mode. A dual number :math:`a + b\varepsilon` with :math:`\varepsilon^2 = 0` carries a
value and a derivative together: :math:`f(a + b\varepsilon) = f(a) + f'(a)\, b\, \varepsilon`.
One pass gives one directional derivative, so a gradient of :math:`n` inputs takes :math:`n`
passes (:func:`forward_gradient`); that is why training, with many inputs and one loss, runs in
reverse mode.

The source article's gradient-tape example, :math:`f(x, y) = x^2 + xy + y^2` at :math:`(2, 1)`:

>>> f = lambda x, y: x**2 + x*y + y**2
>>> value, (dx, dy) = value_and_grad(f)(2.0, 1.0)
>>> value, float(dx), float(dy)
(7.0, 5.0, 4.0)
>>> grad(lambda p: p[0]**2 + p[0]*p[1] + p[1]**2)([2.0, 1.0])
array([5., 4.])
>>> forward_gradient(lambda p: p[0]**2 + p[0]*p[1] + p[1]**2, [2.0, 1.0])  # two passes
array([5., 4.])

Unlike ``torch``, :meth:`Tensor.backward` does not accumulate: it sets ``.grad`` of every node
of the graph to the derivative of *this* output, so a training loop needs no ``zero_grad``.
"""

from __future__ import annotations

import inspect
from typing import Callable, NamedTuple

import numpy as np

from . import validation
from .models import _sigmoid


def _array(name: str, value: object) -> np.ndarray:
    """``value`` as a finite float64 array, refused by name otherwise."""
    if isinstance(value, Dual):
        raise validation.ArgumentTypeError(f"{name} must be a number or an array, got the Dual number {value!r}: "
                                           "a Dual (forward mode) and a Tensor (reverse mode) do not mix")
    arr = validation._numeric_array(name, value, "a real number or an array of real numbers")
    if not np.all(np.isfinite(arr)):
        i = int(np.flatnonzero(~np.isfinite(arr))[0])
        where = "" if arr.ndim == 0 else f" at index {tuple(map(int, np.unravel_index(i, arr.shape))) if arr.ndim > 1 else i}"
        raise ValueError(f"{name} must be finite, got {float(arr.reshape(-1)[i])!r}{where}")
    return arr


def _unbroadcast(g: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``g`` back to ``shape``: an input that NumPy broadcast was used once per copy."""
    if g.shape == shape:
        return g
    g = g.sum(axis=tuple(range(g.ndim - len(shape))))  # leading axes NumPy added
    return g.sum(axis=tuple(i for i, n in enumerate(shape) if n == 1), keepdims=True)  # axes of length 1


class Tensor:
    r"""A float64 array that records the operation that made it, for :meth:`backward`.

    ``Tensor(value, name=None)`` is an input (a leaf); operations on Tensors make the other nodes.
    Numbers and arrays mixed in become constant leaves (``op`` ``"const"``), broadcast as in NumPy.
    Each backward rule maps the output's gradient :math:`\bar v` to its inputs' (:math:`\odot` elementwise):

    .. math::
        v = a \pm b:\ \bar a = \bar v,\ \bar b = \pm\bar v \qquad
        v = ab:\ \bar a = \bar v\, b,\ \bar b = \bar v\, a \qquad
        v = a/b:\ \bar a = \bar v / b,\ \bar b = -\bar v\, a / b^2 \\
        v = a^c:\ \bar a = \bar v\, c\, a^{c-1} \qquad
        v = AB:\ \bar A = \bar V B^\top,\ \bar B = A^\top \bar V \\
        v = e^a:\ \bar a = \bar v\, v \qquad v = \ln a:\ \bar a = \bar v / a \qquad
        v = \tanh a:\ \bar a = \bar v (1 - v^2) \\
        v = \sigma(a):\ \bar a = \bar v\, v (1 - v) \qquad
        v = \max(a, 0):\ \bar a = \bar v\, [a > 0] \qquad
        v = \textstyle\sum_i a_i:\ \bar a_i = \bar v

    and a broadcast input's gradient is summed back to its shape (it was used once per copy).
    """

    __slots__ = ("value", "grad", "parents", "op", "name", "_rule")
    __array_ufunc__ = None  # ndarray + Tensor calls Tensor.__radd__ instead of looping over the array

    def __init__(self, value: object, name: str | None = None) -> None:
        self.value = _array("value" if name is None else name, value)
        self.grad: np.ndarray | None = None
        self.parents: tuple[Tensor, ...] = ()
        self.op, self.name, self._rule = "input", name, None

    @staticmethod
    def _node(value: np.ndarray, parents: tuple[Tensor, ...], op: str, rule: Callable) -> Tensor:
        """A new node: ``rule(g)`` gives the gradient for each parent from the output's gradient ``g``."""
        out = object.__new__(Tensor)
        out.value, out.grad, out.parents, out.op, out.name, out._rule = np.asarray(value), None, parents, op, None, rule
        return out

    @staticmethod
    def _lift(other: object, op: str) -> Tensor:
        if isinstance(other, Tensor):
            return other
        t = Tensor(other, name=f"the other operand of {op}")
        t.op, t.name = "const", None
        return t

    shape = property(lambda self: self.value.shape)
    ndim = property(lambda self: self.value.ndim)
    __len__ = lambda self: len(self.value)

    def __repr__(self) -> str:
        return f"Tensor({np.array2string(self.value, precision=4)}, op={self.op!r})"

    # --- arithmetic: each operation beside its backward rule ---------------------------------
    def __add__(self, other: object) -> Tensor:
        o = Tensor._lift(other, "+")
        return Tensor._node(self.value + o.value, (self, o), "+", lambda g: (g, g))

    def __sub__(self, other: object) -> Tensor:
        o = Tensor._lift(other, "-")
        return Tensor._node(self.value - o.value, (self, o), "-", lambda g: (g, -g))

    def __mul__(self, other: object) -> Tensor:
        o = Tensor._lift(other, "*")
        return Tensor._node(self.value * o.value, (self, o), "*",
                            lambda g: (g * o.value, g * self.value))

    def __truediv__(self, other: object) -> Tensor:
        o = Tensor._lift(other, "/")
        return Tensor._node(self.value / o.value, (self, o), "/",
                            lambda g: (g / o.value, -g * self.value / o.value**2))

    __radd__ = __add__
    __rmul__ = __mul__
    __rsub__ = lambda self, other: Tensor._lift(other, "-") - self
    __rtruediv__ = lambda self, other: Tensor._lift(other, "/") / self
    __rmatmul__ = lambda self, other: Tensor._lift(other, "@") @ self

    def __neg__(self) -> Tensor:
        return Tensor._node(-self.value, (self,), "neg", lambda g: (-g,))

    def __pow__(self, c: object) -> Tensor:
        c = validation.real("the exponent of ** (a constant)", c)
        return Tensor._node(self.value**c, (self,), f"**{c:g}", lambda g: (g * c * self.value ** (c - 1),))

    def __matmul__(self, other: object) -> Tensor:
        o = Tensor._lift(other, "@")
        a, b = self.value, o.value
        if not (1 <= a.ndim <= 2 and 1 <= b.ndim <= 2) or a.shape[-1] != b.shape[0]:
            raise ValueError(f"@ needs vectors or matrices with matching inner sizes, got shapes {a.shape} and {b.shape}")
        # dL/dA = G B^T and dL/dB = A^T G, with a vector read as a row (left) or a column (right)
        a2, b2 = a.reshape(1, -1) if a.ndim == 1 else a, b.reshape(-1, 1) if b.ndim == 1 else b

        def rule(g):
            g2 = np.asarray(g).reshape(a2.shape[0], b2.shape[1])
            return (g2 @ b2.T).reshape(a.shape), (a2.T @ g2).reshape(b.shape)
        return Tensor._node(a @ b, (self, o), "@", rule)

    def __getitem__(self, index: object) -> Tensor:
        def rule(g):
            out = np.zeros_like(self.value)
            np.add.at(out, index, g)  # add.at: a repeated index gets every copy's gradient
            return (out,)
        return Tensor._node(self.value[index], (self,), "[]", rule)

    # --- elementwise functions -----------------------------------------------------------------
    def exp(self) -> Tensor:
        e = np.exp(self.value)
        return Tensor._node(e, (self,), "exp", lambda g: (g * e,))

    def log(self) -> Tensor:
        if np.any(self.value <= 0):
            raise ValueError(f"log needs positive values, got {float(self.value[self.value <= 0].flat[0])!r}")
        return Tensor._node(np.log(self.value), (self,), "log", lambda g: (g / self.value,))

    def tanh(self) -> Tensor:
        t = np.tanh(self.value)
        return Tensor._node(t, (self,), "tanh", lambda g: (g * (1 - t**2),))

    def sigmoid(self) -> Tensor:
        s = _sigmoid(self.value)
        return Tensor._node(s, (self,), "sigmoid", lambda g: (g * s * (1 - s),))

    def relu(self) -> Tensor:
        return Tensor._node(np.maximum(self.value, 0.0), (self,), "relu", lambda g: (g * (self.value > 0),))

    # --- reductions -------------------------------------------------------------------------------
    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        out = self.value.sum(axis=axis, keepdims=keepdims)

        def rule(g):  # every summand gets the sum's gradient
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            return (np.broadcast_to(g, self.value.shape),)
        return Tensor._node(out, (self,), "sum", rule)

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        total = self.sum(axis, keepdims)
        return total * (total.value.size / self.value.size)  # times 1/n, n the number of terms in each mean

    # --- the backward pass ------------------------------------------------------------------------
    def graph(self) -> list[Tensor]:
        """Every node this one was computed from, inputs first (a topological order), found without recursion."""
        order, seen, stack = [], set(), [(self, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)  # after all its parents
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((p, False) for p in reversed(node.parents) if id(p) not in seen)  # first input first
        return order

    def backward(self, seed: object = None) -> None:
        r"""Set ``.grad`` of every node of the graph to :math:`\partial(\text{seed}\cdot\text{self})/\partial\,\text{node}`.

        ``seed`` defaults to 1 for a single number; a Tensor of any other shape needs one of its shape.
        """
        if seed is None:
            if self.value.size != 1:
                raise ValueError(f"seed must be given for a Tensor of shape {self.shape} (backward without a "
                                 "seed needs a single number, e.g. a loss: call .sum() or .mean() first)")
            seed = np.ones_like(self.value)
        seed = _array("seed", seed)
        if seed.shape != self.shape:
            raise ValueError(f"seed must have the Tensor's shape {self.shape}, got shape {seed.shape}")
        grads = {id(self): seed}
        for node in reversed(self.graph()):
            g = grads.pop(id(node))
            # an input gets its own writable copy
            node.grad = g if node._rule is not None else np.array(g)
            if node._rule is not None:
                for p, gp in zip(node.parents, node._rule(g)):
                    gp = np.asarray(gp, dtype=float)
                    gp = _unbroadcast(gp, p.value.shape)
                    if id(p) in grads:
                        gp = grads[id(p)] + gp
                    grads[id(p)] = gp


def _tensor_or_dual(name: str, x: object) -> Tensor | Dual:
    if not isinstance(x, (Tensor, Dual)):
        raise validation.ArgumentTypeError(f"{name} must be a Tensor or a Dual, got {validation.describe(x)} "
                                           "(for plain numbers use numpy)")
    return x


def exp(x: Tensor | Dual) -> Tensor | Dual:
    """:math:`e^x`, recorded (Tensor) or with its derivative (Dual)."""
    return _tensor_or_dual("x", x).exp()


def log(x: Tensor | Dual) -> Tensor | Dual:
    """:math:`\\ln x`, recorded (Tensor) or with its derivative (Dual)."""
    return _tensor_or_dual("x", x).log()


def log_softmax(z: Tensor) -> Tensor:
    r"""Log-softmax along the last axis, :math:`z_k - \log\sum_j e^{z_j}`, computed as
    :math:`(z_k - m) - \log\sum_j e^{z_j - m}` with :math:`m = \max_j z_j` so that no exponential overflows."""
    if not isinstance(z, Tensor):
        raise validation.ArgumentTypeError(f"z must be a Tensor, got {validation.describe(z)}")
    shifted = z.value - z.value.max(axis=-1, keepdims=True)
    out = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    p = np.exp(out)  # softmax
    return Tensor._node(out, (z,), "log_softmax", lambda g: (g - p * g.sum(axis=-1, keepdims=True),))


def cross_entropy(logits: Tensor, labels: object) -> Tensor:
    r"""Mean softmax cross-entropy of ``logits`` (shape ``(N, C)``) for integer ``labels`` (shape ``(N,)``):

    .. math::
        L = -\frac1N \sum_{i=1}^N \log \operatorname{softmax}(z_i)_{y_i}, \qquad
        \frac{\partial L}{\partial z_i} = \frac1N\big(\operatorname{softmax}(z_i) - e_{y_i}\big).

    Same loss as ``torch.nn.functional.cross_entropy(logits, labels)``.
    """
    if not isinstance(logits, Tensor):
        raise validation.ArgumentTypeError(f"logits must be a Tensor of shape (N, C), got {validation.describe(logits)}")
    if logits.ndim != 2 or logits.shape[0] < 1 or logits.shape[1] < 2:
        raise ValueError(f"logits must have shape (N, C) with N >= 1 samples and C >= 2 classes, got shape {logits.shape}")
    n, c = logits.shape
    y = np.asarray(labels)
    if y.dtype.kind not in "iu" or y.shape != (n,):
        raise ValueError(f"labels must be {n} whole-number class indices, shape ({n},), got {validation.describe(labels)}"
                         f"{'' if y.dtype.kind in 'iu' or y.ndim == 0 else f' of dtype {y.dtype}'}")
    if y.min() < 0 or y.max() >= c:
        bad = int(y[(y < 0) | (y >= c)][0])
        raise ValueError(f"labels must be class indices from 0 to {c - 1}, got {bad}")
    logp = log_softmax(logits)
    rows = np.arange(n)

    def rule(g):  # -g/N at each label; log_softmax's rule turns this into g (softmax - one-hot) / N
        out = np.zeros((n, c))
        out[rows, y] = -g / n
        return (out,)
    return Tensor._node(np.asarray(-logp.value[rows, y].mean()), (logp,), "cross_entropy", rule)


# --- the function-level API ---------------------------------------------------------------------
def value_and_grad(f: Callable[..., Tensor]) -> Callable[..., tuple[float, np.ndarray | tuple[np.ndarray, ...]]]:
    """``value_and_grad(f)(*args)``: f's value and its gradient with respect to each argument (one backward pass).

    Each argument becomes an input :class:`Tensor`; ``f`` must return a single number computed from them.
    With one argument the gradient is one array, otherwise a tuple with one array per argument.
    """
    if not callable(f):
        raise validation.ArgumentTypeError(f"f must be a function (a callable), got {validation.describe(f)}")
    try:
        names = [p.name for p in inspect.signature(f).parameters.values()]
    except (TypeError, ValueError):  # builtins without a signature
        names = []

    def run(*args: object):
        if not args:
            raise TypeError("value_and_grad(f) needs at least one argument to differentiate with respect to")
        xs = [Tensor(a, name=names[i] if i < len(names) else f"argument {i}") for i, a in enumerate(args)]
        out = f(*xs)
        if not isinstance(out, Tensor):
            raise validation.ArgumentTypeError(f"f must return one number computed from its arguments (a Tensor), "
                                               f"got {validation.describe(out)}")
        if out.value.size != 1:
            raise ValueError(f"f must return one number (a Tensor of size 1), got a Tensor of shape {out.shape}: "
                             "sum or average it into a loss")
        out.backward()
        grads = tuple(x.grad for x in xs)
        return float(out.value.reshape(())), grads[0] if len(grads) == 1 else grads
    return run


def grad(f: Callable[..., Tensor]) -> Callable[..., np.ndarray | tuple[np.ndarray, ...]]:
    """``grad(f)(*args)``: the gradient of ``f`` at ``args`` (see :func:`value_and_grad`)."""
    vg = value_and_grad(f)
    return lambda *args: vg(*args)[1]


class TapeEntry(NamedTuple):
    """One node of a recorded computation, for a table or a drawing of the graph."""

    index: int
    op: str
    name: str | None
    inputs: tuple[int, ...]
    value: np.ndarray
    grad: np.ndarray | None


def tape(out: Tensor) -> list[TapeEntry]:
    """The nodes ``out`` was computed from, each after its inputs (whose indices it lists), ending with ``out``.

    ``op`` is ``"input"`` for a ``Tensor(...)``, ``"const"`` for a number mixed in, else the operation
    (``mean`` shows as ``sum`` then ``*``); ``grad`` is ``None`` until ``out.backward()`` has run.

    >>> x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    >>> out = x * y + y
    >>> out.backward()
    >>> [(e.index, e.op, e.name, e.inputs, float(e.value), float(e.grad)) for e in tape(out)]
    [(0, 'input', 'x', (), 2.0, 1.0), (1, 'input', 'y', (), 1.0, 3.0), (2, '*', None, (0, 1), 2.0, 1.0), (3, '+', None, (2, 1), 3.0, 1.0)]
    """
    if not isinstance(out, Tensor):
        raise validation.ArgumentTypeError(f"out must be a Tensor, got {validation.describe(out)}")
    order = out.graph()
    index = {id(node): i for i, node in enumerate(order)}
    return [TapeEntry(i, node.op, node.name, tuple(index[id(p)] for p in node.parents), node.value, node.grad)
            for i, node in enumerate(order)]


# --- forward mode ---------------------------------------------------------------------------------
class Dual:
    r"""A dual number :math:`a + b\varepsilon` (``value`` a, ``derivative`` b) with :math:`\varepsilon^2 = 0`."""

    __slots__ = ("value", "derivative")
    __array_ufunc__ = None  # ndarray + Dual calls Dual.__radd__, which refuses it

    def __init__(self, value: float, derivative: float = 0.0) -> None:
        self.value = validation.real("value", value)
        self.derivative = validation.real("derivative", derivative)

    def __repr__(self) -> str:
        return f"Dual({self.value:g}, {self.derivative:g})"

    @staticmethod
    def _lift(other: object, op: str) -> Dual:
        if isinstance(other, Dual):
            return other
        if isinstance(other, (np.ndarray, Tensor, list, tuple)):
            raise validation.ArgumentTypeError(f"the other operand of {op} must be a Dual or a single number, got "
                                               f"{validation.describe(other)}: a Dual carries one number (use one "
                                               "Dual per coordinate)")
        return Dual(validation.real(f"the other operand of {op}", other))

    def __add__(self, other: object) -> Dual:
        o = Dual._lift(other, "+")
        return Dual(self.value + o.value, self.derivative + o.derivative)

    def __sub__(self, other: object) -> Dual:
        o = Dual._lift(other, "-")
        return Dual(self.value - o.value, self.derivative - o.derivative)

    def __mul__(self, other: object) -> Dual:  # (a + b e)(c + d e) = ac + (ad + bc) e
        o = Dual._lift(other, "*")
        return Dual(self.value * o.value, self.derivative * o.value + self.value * o.derivative)

    def __truediv__(self, other: object) -> Dual:  # quotient rule
        o = Dual._lift(other, "/")
        return Dual(self.value / o.value, (self.derivative * o.value - self.value * o.derivative) / o.value**2)

    __radd__ = __add__
    __rmul__ = __mul__
    __rsub__ = lambda self, other: Dual._lift(other, "-") - self
    __rtruediv__ = lambda self, other: Dual._lift(other, "/") / self

    def __neg__(self) -> Dual:
        return Dual(-self.value, -self.derivative)

    def __pow__(self, c: object) -> Dual:
        c = validation.real("the exponent of ** (a constant)", c)
        return Dual(self.value**c, c * self.value ** (c - 1) * self.derivative)

    def exp(self) -> Dual:
        return Dual(np.exp(self.value), np.exp(self.value) * self.derivative)

    def log(self) -> Dual:
        if self.value <= 0:
            raise ValueError(f"log needs a positive value, got {self.value!r}")
        return Dual(np.log(self.value), self.derivative / self.value)

    def sin(self) -> Dual:
        return Dual(np.sin(self.value), np.cos(self.value) * self.derivative)


def sin(x: Dual) -> Dual:
    """:math:`\\sin x` of a :class:`Dual`, with its derivative."""
    if not isinstance(x, Dual):
        raise validation.ArgumentTypeError(f"x must be a Dual, got {validation.describe(x)}")
    return x.sin()


def directional_derivative(f: Callable[[list[Dual]], Dual], x: object, v: object) -> float:
    r"""One forward pass: :math:`\nabla f(x) \cdot v`, from ``f`` at the dual numbers :math:`x_i + v_i \varepsilon`."""
    if not callable(f):
        raise validation.ArgumentTypeError(f"f must be a function (a callable), got {validation.describe(f)}")
    x, v = validation.point("x", x), validation.point("v", v)
    if x.ndim != 1 or v.shape != x.shape:
        raise ValueError(f"x and v must be two points of the same shape (n,), got shapes {x.shape} and {v.shape}")
    out = f([Dual(a, b) for a, b in zip(x, v)])
    if not isinstance(out, Dual):
        raise validation.ArgumentTypeError(f"f must return a Dual computed from its argument, got {validation.describe(out)}")
    return out.derivative


def forward_gradient(f: Callable[[list[Dual]], Dual], x: object) -> np.ndarray:
    """The gradient in forward mode: one pass per coordinate, along each unit vector :math:`e_i`."""
    x = validation.point("x", x)
    if x.ndim != 1:
        raise ValueError(f"x must be one point of shape (n,), got shape {x.shape}")
    return np.array([directional_derivative(f, x, np.eye(x.size)[i]) for i in range(x.size)])


# --- drawing and counting: the graph's layout, and the cost of each mode ---------------------------
_SYMBOLS = {"+": "{} + {}", "-": "{} - {}", "*": "{} {}", "/": "{} / {}", "@": "{} {}", "neg": "-{}",
            "exp": "e^{{{}}}", "log": "\\ln {}", "tanh": "\\tanh {}", "sigmoid": "\\sigma({})",
            "relu": "\\mathrm{{ReLU}}({})", "sum": "\\sum {}"}


def local_slopes(out: Tensor) -> dict[tuple[int, int], float]:
    r"""The local slope :math:`\partial v / \partial u` of every arrow of a graph of single numbers.

    Keyed ``(i, j)`` for node ``i`` of :func:`tape(out) <tape>` and its input ``j``: what the
    backward pass multiplies node ``i``'s adjoint by on its way to ``j`` (the factor in
    :math:`\bar u = \sum_v \bar v\, \partial v/\partial u`). Found by running each backward rule on 1.

    >>> x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    >>> local_slopes(x * y + y)
    {(2, 0): 1.0, (2, 1): 2.0, (3, 2): 1.0, (3, 1): 1.0}
    """
    if not isinstance(out, Tensor):
        raise validation.ArgumentTypeError(f"out must be a Tensor, got {validation.describe(out)}")
    order = out.graph()
    if any(node.value.size != 1 for node in order):
        raise ValueError(f"out must be computed from single numbers only (a slope per arrow), "
                         f"got a node of shape {next(n.shape for n in order if n.value.size != 1)}")
    index = {id(node): i for i, node in enumerate(order)}
    slopes: dict[tuple[int, int], float] = {}
    for i, node in enumerate(order):
        if node._rule is not None:
            for p, gp in zip(node.parents, node._rule(np.ones_like(node.value))):
                key = (i, index[id(p)])
                slopes[key] = slopes.get(key, 0.0) + float(np.sum(gp))
    return slopes


def graph_layout(entries: list[TapeEntry]) -> list[tuple[int, int]]:
    """Where to draw each node of a :func:`tape`: ``(column, row)``, the column being its depth.

    An input sits in column 0; every other node one column right of its deepest input, so
    every arrow points right. Within a column, nodes keep their order on the tape.

    >>> x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    >>> graph_layout(tape(x * y + y))
    [(0, 0), (0, 1), (1, 0), (2, 0)]
    """
    if not isinstance(entries, list) or not all(isinstance(e, TapeEntry) for e in entries):
        raise validation.ArgumentTypeError(f"entries must be the list that tape(out) returns, got {validation.describe(entries)}")
    depth: list[int] = []
    for e in entries:
        depth.append(1 + max((depth[i] for i in e.inputs), default=-1))
    rows: dict[int, int] = {}
    out = []
    for d in depth:
        out.append((d, rows.get(d, 0)))
        rows[d] = rows.get(d, 0) + 1
    return out


def node_names(entries: list[TapeEntry]) -> list[str]:
    r"""A TeX name for each node of a :func:`tape`: an input's own name, else :math:`v_1, v_2, \dots` in tape order."""
    names, k = [], 0
    for e in entries:
        if e.op in ("input", "const"):
            names.append(e.name if e.name else f"{float(np.asarray(e.value).reshape(-1)[0]):g}")
        else:
            k += 1
            names.append(f"v_{k}")
    return names


def node_formula(entries: list[TapeEntry], i: int) -> str:
    r"""How node ``i`` was computed, in TeX, from its inputs' names: ``"v_1 = x^{2}"``, ``"v_3 = v_1 + v_2"``."""
    names = node_names(entries)
    e = entries[i]
    if e.op in ("input", "const"):
        return names[i]
    args = [names[j] for j in e.inputs]
    if e.op.startswith("**"):
        rhs = f"{args[0]}^{{{e.op[2:]}}}"
    else:
        rhs = _SYMBOLS.get(e.op, e.op + "({})").format(*args)
    return f"{names[i]} = {rhs}"


class OperationCounts(NamedTuple):
    """The cost of one gradient of a function of ``n`` inputs, measured in each mode."""

    n: int
    forward_passes: int     # calls of f with dual numbers (one per input)
    forward_operations: int  # arithmetic operations on dual numbers, over all passes
    reverse_passes: int     # forward passes that record a tape (one), plus backward passes (one)
    reverse_operations: int  # operations recorded on the tape plus backward rules run


def operation_counts(f: Callable[[list], object], x: object) -> OperationCounts:
    """Measure what one gradient of ``f`` at ``x`` costs in forward mode and in reverse mode.

    ``f`` takes a list of numbers (Duals, or Tensors of one number each) and returns one
    number, so that the same code runs in both modes. Forward mode (:func:`forward_gradient`)
    is counted by the calls of ``f`` and the :class:`Dual` results made inside them; reverse
    mode by the nodes ``f`` records and the backward rules :meth:`Tensor.backward` runs.
    Both gradients are computed, and must agree.
    """
    if not callable(f):
        raise validation.ArgumentTypeError(f"f must be a function (a callable), got {validation.describe(f)}")
    x = validation.point("x", x)
    if x.ndim != 1:
        raise ValueError(f"x must be one point of shape (n,), got shape {x.shape}")
    calls, made = [0], [0]
    plain_init = Dual.__init__

    def counting_init(self, value, derivative=0.0):
        made[0] += 1
        plain_init(self, value, derivative)

    def counted(xs):
        calls[0] += 1
        Dual.__init__ = counting_init
        try:
            return f(xs)
        finally:
            Dual.__init__ = plain_init
    forward = forward_gradient(counted, x)

    inputs = [Tensor(v, name=f"x{i + 1}") for i, v in enumerate(x)]
    out = f(inputs)
    if not isinstance(out, Tensor) or out.value.size != 1:
        raise validation.ArgumentTypeError(f"f must return one number computed from its arguments, got {validation.describe(out)}")
    nodes = [node for node in out.graph() if node._rule is not None]
    rules_run = [0]
    for node in nodes:  # count each backward rule as it runs
        def wrapped(g, rule=node._rule):
            rules_run[0] += 1
            return rule(g)
        node._rule = wrapped
    out.backward()
    reverse = np.array([float(np.sum(t.grad)) for t in inputs])
    if not np.allclose(forward, reverse, rtol=1e-9, atol=1e-12):
        raise AssertionError(f"forward mode {forward} and reverse mode {reverse} disagree")
    return OperationCounts(x.size, calls[0], made[0], 2, len(nodes) + rules_run[0])
