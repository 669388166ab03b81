'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { TechnicalData } from '@/lib/integrations/market/technical';
import { IndicatorPanel, type PanelLine } from './indicator-panel';
import { type Overlay, PriceChart } from './price-chart';
import { ToggleGroup } from './toggle-group';

type Panel = 'macd' | 'rsi' | 'stochastic' | 'atr' | 'obv' | 'williamsR' | 'cci' | 'adx';
const PANELS: Panel[] = ['macd', 'rsi', 'stochastic', 'atr', 'obv', 'williamsR', 'cci', 'adx'];
const OVERLAYS: Overlay[] = ['sma', 'ema', 'bollinger', 'ichimoku', 'vwap'];

/** The price chart and the indicator panels; which overlays and panels show is the viewer's choice (all computed on the server). */
export function TechnicalCharts({ data, locale }: { data: TechnicalData; locale: string }) {
  const t = useTranslations('Technical');
  const [kind, setKind] = useState<'candles' | 'line'>('candles');
  const [overlays, setOverlays] = useState<Set<Overlay>>(() => new Set(['sma', 'bollinger']));
  const [panels, setPanels] = useState<Set<Panel>>(() => new Set(PANELS.filter((p) => p !== 'obv' || data.hasVolume)));
  const flip =
    <K,>(set: (f: (s: Set<K>) => Set<K>) => void) =>
    (key: K, on: boolean) =>
      set((s) => {
        const next = new Set(s);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      });
  const p = data.periods;
  const days = data.days.slice(0, data.days.length - data.ahead);
  const v = data.panels;
  const names = {
    close: t('names.close'),
    cloud: t('names.cloud'),
    smaFast: t('names.sma', { period: p.smaFast }),
    smaSlow: t('names.sma', { period: p.smaSlow }),
    emaFast: t('names.ema', { period: p.emaFast }),
    emaSlow: t('names.ema', { period: p.emaSlow }),
    bbUpper: t('names.bbUpper'),
    bbMiddle: t('names.bbMiddle', { period: p.bollinger }),
    bbLower: t('names.bbLower'),
    ichiConversion: t('names.ichiConversion'),
    ichiBase: t('names.ichiBase'),
    ichiSpanA: t('names.ichiSpanA'),
    ichiSpanB: t('names.ichiSpanB'),
    vwap: t('names.vwap', { period: p.vwap }),
  };
  const panel: Record<Panel, { lines: PanelLine[]; levels?: number[]; domain?: [number, number]; unit?: 'usd' | 'count' }> = {
    macd: {
      lines: [
        { name: t('names.macdHist'), values: v.macdHist, color: '#5c6bc0', kind: 'bars' },
        { name: t('names.macd'), values: v.macd, color: '#4fc3f7' },
        { name: t('names.macdSignal'), values: v.macdSignal, color: '#ffb74d' },
      ],
      levels: [0],
      unit: 'usd',
    },
    rsi: { lines: [{ name: t('names.rsi'), values: v.rsi, color: '#ba68c8' }], levels: [70, 30], domain: [0, 100] },
    stochastic: {
      lines: [
        { name: t('names.stochK'), values: v.stochK, color: '#4fc3f7' },
        { name: t('names.stochD'), values: v.stochD, color: '#ffb74d' },
        { name: t('names.stochFastK'), values: v.stochFastK, color: '#9aa0b8' },
      ],
      levels: [80, 20],
      domain: [0, 100],
    },
    atr: { lines: [{ name: t('names.atr'), values: v.atr, color: '#81c784' }], unit: 'usd' },
    obv: { lines: [{ name: t('names.obv'), values: v.obv, color: '#aed581' }] },
    williamsR: { lines: [{ name: t('names.williamsR'), values: v.williamsR, color: '#f06292' }], levels: [-20, -80], domain: [-100, 0] },
    cci: { lines: [{ name: t('names.cci'), values: v.cci, color: '#4dd0e1' }], levels: [100, -100] },
    adx: {
      lines: [
        { name: t('names.adx'), values: v.adx, color: '#e8eaf2' },
        { name: t('names.plusDi'), values: v.plusDi, color: '#81c784' },
        { name: t('names.minusDi'), values: v.minusDi, color: '#e57373' },
      ],
      levels: [25, 20],
    },
  };
  const title: Record<Panel, string> = {
    macd: t('panels.macd', { fast: p.macd[0], slow: p.macd[1], signal: p.macd[2] }),
    rsi: t('panels.rsi', { period: p.rsi }),
    stochastic: t('panels.stochastic', { k: p.stochK, slowing: p.stochSlowing, d: p.stochD }),
    atr: t('panels.atr', { period: p.atr }),
    obv: t('panels.obv'),
    williamsR: t('panels.williamsR', { period: p.williamsR }),
    cci: t('panels.cci', { period: p.cci }),
    adx: t('panels.adx', { period: p.adx }),
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3">
        <div className="flex flex-wrap items-center gap-3">
          <div role="radiogroup" aria-label={t('chartType')} className="flex gap-1 rounded-md border border-line p-0.5">
            {(['candles', 'line'] as const).map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} onClick={() => setKind(k)} className={`rounded px-2.5 py-1 text-xs ${kind === k ? 'bg-accent-soft text-accent' : 'text-muted hover:text-ink'}`} data-testid={`kind-${k}`}>
                {t(`kinds.${k}`)}
              </button>
            ))}
          </div>
          <ToggleGroup legend={t('overlays')} items={OVERLAYS.map((o) => ({ key: o, label: t(`overlayNames.${o}`), disabled: o === 'vwap' && !data.hasVolume }))} on={overlays} onChange={flip(setOverlays)} />
        </div>
        <ToggleGroup legend={t('panelsLegend')} items={PANELS.map((k) => ({ key: k, label: t(`panelNames.${k}`), disabled: k === 'obv' && !data.hasVolume }))} on={panels} onChange={flip(setPanels)} />
        {!data.hasVolume ? <p className="text-xs text-muted">{t('noVolume')}</p> : null}
      </div>
      <section className="rounded-lg border border-line bg-surface p-3" aria-label={t('priceTitle')}>
        <h2 className="mb-2 text-sm font-semibold text-muted">{t('priceTitle')}</h2>
        <PriceChart data={data} kind={kind} overlays={overlays} names={names} locale={locale} />
        {overlays.has('ichimoku') ? <p className="mt-1 text-xs text-muted">{t('ichimokuNote', { ahead: data.ahead })}</p> : null}
      </section>
      <div className="grid gap-3 lg:grid-cols-2">
        {PANELS.filter((k) => panels.has(k)).map((k) => (
          <section key={k} className="rounded-lg border border-line bg-surface p-3" data-testid={`panel-${k}`}>
            <h2 className="mb-1 text-sm font-semibold text-muted">{title[k]}</h2>
            <IndicatorPanel days={days} {...panel[k]} locale={locale} emptyLabel={k === 'obv' && !data.hasVolume ? t('noVolume') : t('emptyPanel')} />
          </section>
        ))}
      </div>
    </div>
  );
}
