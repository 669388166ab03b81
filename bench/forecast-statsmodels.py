"""statsmodels' side of the forecast bench (bench/forecast.ts): the same ARIMA order grid on the same
series, timed in this process. Reads {"y": [...], "d": d, "maxP": p, "maxQ": q, "runs": n} on stdin,
prints {"version", "ms": [...], "cpuMs": [...], "best": {...}} on stdout
(wall and CPU time per run: on a shared machine the CPU time is the steadier figure)."""
import json
import sys
import time
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.statespace.sarimax import SARIMAX

req = json.load(sys.stdin)
y = np.array([np.nan if v is None else v for v in req['y']], dtype=float)


def search():
    best = None
    for p in range(req['maxP'] + 1):
        for q in range(req['maxQ'] + 1):
            for trend in ('n', 'c'):
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter('ignore')
                        model = SARIMAX(y, order=(p, req['d'], q), trend=trend, concentrate_scale=True)
                        res = model.filter([]) if model.k_params == 0 else model.fit(disp=False)
                except Exception:
                    continue
                if best is None or res.aic < best[0]:
                    best = (res.aic, p, q, trend)
    return best


times = []
cpu = []
best = None
for _ in range(req['runs']):
    t = time.perf_counter()
    c = time.process_time()
    best = search()
    times.append((time.perf_counter() - t) * 1000)
    cpu.append((time.process_time() - c) * 1000)
print(json.dumps({'version': statsmodels.__version__, 'ms': times, 'cpuMs': cpu, 'best': {'aic': best[0], 'p': best[1], 'q': best[2], 'trend': best[3] == 'c'}}))
