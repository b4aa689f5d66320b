import { handOffChoices, handOffProblem } from './hand-off';

describe('hand-off rules', () => {
  it('offers the usual hand-off first, by fulfillment', () => {
    expect(handOffChoices('TAKEAWAY', 'READY')).toEqual(['PICKED_UP', 'SERVED']);
    expect(handOffChoices('DINE_IN', 'READY')).toEqual(['SERVED', 'PICKED_UP']);
    expect(handOffChoices('DELIVERY', 'READY')).toEqual(['OUT_FOR_DELIVERY', 'PICKED_UP']);
    expect(handOffChoices('DELIVERY', 'OUT_FOR_DELIVERY')).toEqual(['DELIVERED', 'DELIVERY_FAILED']);
    expect(handOffChoices('TAKEAWAY', 'PREPARING')).toEqual([]);
    expect(handOffChoices('TAKEAWAY', 'PICKED_UP')).toEqual([]);
  });

  it('names why a hand-off cannot happen', () => {
    expect(handOffProblem({ fulfillment: 'TAKEAWAY', status: 'READY' }, 'PICKED_UP')).toBeNull();
    expect(handOffProblem({ fulfillment: 'DELIVERY', status: 'OUT_FOR_DELIVERY' }, 'DELIVERED')).toBeNull();
    expect(handOffProblem({ fulfillment: 'TAKEAWAY', status: 'READY' }, 'OUT_FOR_DELIVERY')).toBe('it is not a delivery order');
    expect(handOffProblem({ fulfillment: 'DELIVERY', status: 'READY' }, 'DELIVERED')).toBe('it is READY, not OUT_FOR_DELIVERY');
    expect(handOffProblem({ fulfillment: 'TAKEAWAY', status: 'PREPARING' }, 'PICKED_UP')).toBe('it is PREPARING, not READY');
    expect(handOffProblem({ fulfillment: 'TAKEAWAY', status: 'CANCELLED' }, 'PICKED_UP')).toBe('it was cancelled');
    expect(handOffProblem({ fulfillment: 'TAKEAWAY', status: 'PICKED_UP' }, 'SERVED')).toBe('it is already PICKED_UP');
  });
});
