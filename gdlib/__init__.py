"""gdlib: the small NumPy library behind *Gradient Descent, Derived*.

The optimizers reproduce ``torch.optim`` in float64; :func:`descend` runs them;
:mod:`gdlib.functions` and :mod:`gdlib.models` hold the seeds' functions and models;
:mod:`gdlib.calculus` the SymPy helpers; :mod:`gdlib.plot` the book's figures.
"""

from .descent import Result, descend
from .optimizers import GD, AdaDelta, AdaGrad, Adam, Momentum, Nesterov, Optimizer, RMSProp

__all__ = ["GD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "AdaDelta", "Adam",
           "Optimizer", "descend", "Result"]
__version__ = "0.1.0"
