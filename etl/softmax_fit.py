"""The softmax (multinomial logistic) regression fit shared by the repository's small trained readers
(:mod:`etl.remote_model`, :mod:`etl.role_model`): an L2 penalty 1/(2c) on the weights, none on the biases,
fitted with scipy's L-BFGS (no scikit-learn)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def fit_softmax(x: Any, classes: Sequence[int], k: int, c: float) -> np.ndarray:
    """The weights of ``x`` (a sparse or dense n x dim matrix) for ``classes`` (each row's class index among
    ``k``), as one float32 array of (dim + 1) x k: the weights, then the biases as the last row (float32: the
    model used is the one a file holds)."""
    from scipy import optimize

    n, dim = x.shape
    y = np.zeros((n, k))
    y[np.arange(n), list(classes)] = 1.0
    n_w = dim * k

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:n_w].reshape(dim, k), theta[n_w:]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1, keepdims=True))
        p = np.exp(z - lse)
        value = float(-(y * (z - lse)).sum() + (w * w).sum() / (2 * c))
        g = p - y
        grad = np.concatenate([(x.T @ g + w / c).reshape(-1), g.sum(axis=0)])
        return value, grad

    res = optimize.minimize(loss, np.zeros(n_w + k), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    theta = np.asarray(res.x)
    return np.vstack([theta[:n_w].reshape(dim, k), theta[n_w:][None, :]]).astype(np.float32)
