#!/usr/bin/env python3
"""Golden fixtures for lib/domain/forecast: statsmodels' SARIMAX fitted on real bundled series.

Run with Debian's python3-statsmodels (`apt-get install -y python3-statsmodels`, then
`/usr/bin/python3 scripts/forecast-golden.py`). Writes tests/fixtures/forecast/<name>.json: the
series, SARIMAX's estimates (concentrated scale, defaults otherwise: stationarity and
invertibility enforced, approximate-diffuse levels), its log-likelihood and AIC, and its forecasts
with 80 % and 95 % intervals. tests/forecast/golden.test.ts holds the TypeScript fit to them.
"""
import csv
import json
import math
import os
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.statespace.sarimax import SARIMAX

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'forecast')
STEPS = 30


def network_daily():
    with open(os.path.join(ROOT, 'data', 'btc-network', 'network-daily.csv')) as f:
        return list(csv.DictReader(f))


def epochs():
    with open(os.path.join(ROOT, 'data', 'btc-network', 'difficulty-epochs.csv')) as f:
        return list(csv.DictReader(f))


def daily_price():
    with open(os.path.join(ROOT, 'db', 'seed', 'market-data', 'daily-price.json')) as f:
        return json.load(f)['rows']


def column(rows, key, since, transform):
    out = [(r['date'], transform(float(r[key])) if r[key] != '' else float('nan')) for r in rows if r['date'] >= since]
    return [d for d, _ in out], [v for _, v in out]


def series():
    daily = network_daily()
    price = daily_price()
    ep = epochs()
    days, hashrate = column(daily, 'hashrate_ehs', '2023-02-01', math.log)
    bdays, blocks = column(daily, 'blocks', '2024-12-02', float)
    return [
        # A random walk: log BTC/USD close, no drift.
        dict(name='price-log-rw', source='db/seed/market-data/daily-price.json close, log',
             start=price[0][0], end=price[-1][0], y=[math.log(r[4]) for r in price], order=(0, 1, 0), trend='n'),
        # With drift: log difficulty per 2016-block epoch, the last 200 epochs.
        dict(name='difficulty-epoch-drift', source='data/btc-network/difficulty-epochs.csv difficulty, log, epochs 274-473',
             start='epoch 274', end='epoch 473', y=[math.log(float(r['difficulty'])) for r in ep[274:]], order=(1, 1, 0), trend='c'),
        # ARMA: blocks found per UTC day (stationary around 144; the 6 days no source covers are missing).
        dict(name='blocks-arma', source='data/btc-network/network-daily.csv blocks', start=bdays[0], end=bdays[-1],
             y=blocks, order=(1, 0, 1), trend='c'),
        # ARIMA(1,1,1) on 3 years of daily log hashrate with its gaps (the bench series).
        dict(name='hashrate-log-arima', source='data/btc-network/network-daily.csv hashrate_ehs, log, from 2023-02-01',
             start=days[0], end=days[-1], y=hashrate, order=(1, 1, 1), trend='n'),
        # ARIMA(2,1,0) with drift on log price.
        dict(name='price-log-ar2-drift', source='db/seed/market-data/daily-price.json close, log',
             start=price[0][0], end=price[-1][0], y=[math.log(r[4]) for r in price], order=(2, 1, 0), trend='c'),
    ]


def fit(y, order, trend):
    model = SARIMAX(np.asarray(y, dtype=float), order=order, trend=trend, concentrate_scale=True)
    if model.k_params == 0:
        # A random walk without drift under a concentrated scale has nothing left to estimate.
        return model, model.filter(np.array([]))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        res = model.fit(method='lbfgs', maxiter=2000, pgtol=1e-10, factr=10, disp=False)
        # A Nelder-Mead pass from the L-BFGS optimum; the better of the two is kept, so the fixture is
        # the optimum to ~1e-6 rather than wherever L-BFGS' stopping rule left it.
        nm = model.fit(start_params=res.params, method='nm', maxiter=5000, xtol=1e-10, ftol=1e-13, disp=False)
    return model, (nm if nm.llf > res.llf else res)


def main():
    os.makedirs(OUT, exist_ok=True)
    for s in series():
        p, d, q = s['order']
        model, res = fit(s['y'], s['order'], s['trend'])
        names = model.param_names
        params = dict(zip(names, res.params.tolist()))
        fc = res.get_forecast(STEPS)
        ci80 = fc.conf_int(alpha=0.2)
        ci95 = fc.conf_int(alpha=0.05)
        out = dict(
            name=s['name'], source=s['source'], start=s['start'], end=s['end'],
            statsmodels=statsmodels.__version__, numpy=np.__version__,
            order=dict(p=p, d=d, q=q), trend=s['trend'] == 'c',
            y=[None if math.isnan(v) else v for v in s['y']],
            params=dict(intercept=params.get('intercept', 0.0),
                        ar=[params[f'ar.L{i}'] for i in range(1, p + 1)],
                        ma=[params[f'ma.L{i}'] for i in range(1, q + 1)],
                        sigma2=float(res.scale)),
            loglike=float(res.llf), aic=float(res.aic), nobs=int(res.nobs_effective),
            forecast=dict(mean=np.asarray(fc.predicted_mean).tolist(), se=np.asarray(fc.se_mean).tolist(),
                          lo80=np.asarray(ci80)[:, 0].tolist(), hi80=np.asarray(ci80)[:, 1].tolist(),
                          lo95=np.asarray(ci95)[:, 0].tolist(), hi95=np.asarray(ci95)[:, 1].tolist()),
        )
        with open(os.path.join(OUT, s['name'] + '.json'), 'w') as f:
            json.dump(out, f, indent=None, separators=(',', ':'))
            f.write('\n')
        print(s['name'], s['order'], s['trend'], {k: round(v, 6) for k, v in params.items()}, 'scale', res.scale, 'llf', res.llf, file=sys.stderr)


if __name__ == '__main__':
    main()
