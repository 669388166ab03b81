import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/actions/action';
import { fieldMessages, noticeFor, type Translators } from './action-feedback';

const t: Translators = { validation: (key) => `Validation.${key}`, error: (code) => `Errors.${code}` };
const fail = (code: 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'FORBIDDEN', fieldErrors?: Record<string, 'required' | 'invalid' | 'tooLong'>): ActionResult<{ id: string }> => ({ ok: false, code, fieldErrors });
const done: ActionResult<{ id: string }> = { ok: true, data: { id: 'm1' } };

describe('fieldMessages', () => {
  it('is empty before any result, after a success, and for a failure naming no field', () => {
    expect(fieldMessages(null, t)).toEqual({});
    expect(fieldMessages(done, t)).toEqual({});
    expect(fieldMessages(fail('FORBIDDEN'), t)).toEqual({});
  });

  it('translates each field’s validation key', () => {
    expect(fieldMessages(fail('VALIDATION', { name: 'required', 'params.url': 'invalid' }), t)).toEqual({ name: 'Validation.required', 'params.url': 'Validation.invalid' });
  });

  it('puts the conflict text at the field a CONFLICT names, preferring conflictField over the toast text', () => {
    const taken = fail('CONFLICT', { serial: 'invalid' });
    expect(fieldMessages(taken, t, { errors: { CONFLICT: 'Name taken.' } })).toEqual({ serial: 'Name taken.' });
    expect(fieldMessages(taken, t, { errors: { CONFLICT: 'Another miner has this serial.' }, conflictField: 'Already used.' })).toEqual({ serial: 'Already used.' });
  });

  it('keeps the validation text for a CONFLICT the form gives no words for, and never applies conflict text to other codes', () => {
    expect(fieldMessages(fail('CONFLICT', { url: 'invalid' }), t)).toEqual({ url: 'Validation.invalid' });
    expect(fieldMessages(fail('VALIDATION', { name: 'tooLong' }), t, { errors: { CONFLICT: 'Name taken.' } })).toEqual({ name: 'Validation.tooLong' });
  });
});

describe('noticeFor', () => {
  it('says nothing before a result, or after a success the form has no words for', () => {
    expect(noticeFor(null, t)).toBeNull();
    expect(noticeFor(done, t)).toBeNull();
    expect(noticeFor(done, t, { success: () => null })).toBeNull();
  });

  it('toasts a success with the text built from the data', () => {
    expect(noticeFor(done, t, { success: (d) => `Saved ${d.id}` })).toEqual({ tone: 'success', text: 'Saved m1' });
  });

  it('lets a success carry bad news', () => {
    expect(noticeFor(done, t, { success: () => ({ tone: 'error', text: 'Pool unreachable' }) })).toEqual({ tone: 'error', text: 'Pool unreachable' });
  });

  it('toasts every failure with its translated code, validation included', () => {
    expect(noticeFor(fail('FORBIDDEN'), t)).toEqual({ tone: 'error', text: 'Errors.FORBIDDEN' });
    expect(noticeFor(fail('VALIDATION', { name: 'required' }), t)).toEqual({ tone: 'error', text: 'Errors.VALIDATION' });
  });

  it('uses the form’s own text for the codes it explains, and the generic one for the rest', () => {
    const messages = { errors: { CONFLICT: 'Name taken.', RATE_LIMITED: 'Five reboots per five minutes.' } };
    expect(noticeFor(fail('CONFLICT', { name: 'invalid' }), t, messages)).toEqual({ tone: 'error', text: 'Name taken.' });
    expect(noticeFor(fail('RATE_LIMITED'), t, messages)).toEqual({ tone: 'error', text: 'Five reboots per five minutes.' });
    expect(noticeFor(fail('FORBIDDEN'), t, messages)).toEqual({ tone: 'error', text: 'Errors.FORBIDDEN' });
  });

  it('does not let conflictField change the toast', () => {
    expect(noticeFor(fail('CONFLICT', { _form: 'tooLong' }), t, { conflictField: 'At most 50 rules.' })).toEqual({ tone: 'error', text: 'Errors.CONFLICT' });
  });
});
