"""The automatic-differentiation chapter's chained bowl (19.7), for the tests that count its operations.

f(x_1, ..., x_n) = x_1^2 + sum_i (x_i x_{i+1} + x_{i+1}^2): the chapter's f(x, y) = x^2 + xy + y^2
when n = 2, written as the chapter writes it, so that the counted operations are the page's.
"""


def f_n(xs):
    total = xs[0] ** 2
    for a, b in zip(xs[:-1], xs[1:]):
        total = total + a * b + b**2
    return total
