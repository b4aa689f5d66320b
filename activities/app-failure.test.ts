import { ApplicationFailure } from '@temporalio/common';
import { AppError } from '../contracts/errors';
import { toActivityFailure } from './app-failure';

describe('toActivityFailure', () => {
  it('makes an AppError a non-retryable failure typed with its code', () => {
    const failure = toActivityFailure(new AppError('CONFLICT', 'already started'));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'CONFLICT', nonRetryable: true, message: 'already started' });
  });

  it('makes a value PostgreSQL refused (SQLSTATE class 22) non-retryable bad input', () => {
    const pgError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const failure = toActivityFailure(pgError);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'BAD_USER_INPUT', nonRetryable: true });
    expect((failure as Error).message).not.toContain('0x00');
  });

  it('leaves other errors to Temporal retries', () => {
    const transient = Object.assign(new Error('connection terminated'), { code: '57P01' });
    expect(toActivityFailure(transient)).toBe(transient);
  });
});
