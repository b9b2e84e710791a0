import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORDER_ACTIONS, ORDER_STATUSES, allowedActions, orderAmount, orderStep, type OrderStatus } from './orderFlow.ts';

describe('the order state machine', () => {
  it('walks requested → accepted → visited → confirmed → rated, holding and capturing a card payment', () => {
    expect(orderStep('requested', 'accept', 'card', 'provider')).toEqual({ to: 'accepted', effect: 'placeHold' });
    expect(orderStep('accepted', 'visit', 'card', 'provider')).toEqual({ to: 'visited', effect: null });
    expect(orderStep('visited', 'confirm', 'card', 'elder')).toEqual({ to: 'confirmed', effect: 'captureHold' });
    expect(orderStep('confirmed', 'rate', 'card', 'elder')).toEqual({ to: 'rated', effect: null });
    expect(orderStep('visited', 'confirm', 'self', 'elder')).toEqual({ to: 'confirmed', effect: null });
  });

  it('releases the hold of an accepted order on cancellation, and moves nothing for a requested one', () => {
    expect(orderStep('accepted', 'cancel', 'card', 'staff')).toEqual({ to: 'cancelled', effect: 'releaseHold' });
    expect(orderStep('requested', 'cancel', 'card', 'elder')).toEqual({ to: 'cancelled', effect: null });
  });

  it('refuses illegal transitions and the wrong party', () => {
    expect(orderStep('requested', 'confirm', 'card', 'staff')).toBeNull();
    expect(orderStep('visited', 'cancel', 'card', 'staff')).toBeNull();
    expect(orderStep('rated', 'rate', 'card', 'elder')).toBeNull();
    expect(orderStep('cancelled', 'accept', 'card', 'provider')).toBeNull();
    expect(orderStep('visited', 'confirm', 'card', 'provider')).toBeNull();
    expect(orderStep('requested', 'accept', 'card', 'elder')).toBeNull();
    expect(allowedActions('requested', 'provider')).toEqual(['accept', 'cancel']);
    expect(allowedActions('visited', 'elder')).toEqual(['confirm']);
    expect(allowedActions('rated', 'staff')).toEqual([]);
  });

  it('never leaves a final status, and captures or releases only what an accept held', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDER_ACTIONS), { maxLength: 12 }), fc.constantFrom('staff' as const, 'provider' as const, 'elder' as const), (actions, party) => {
        let status: OrderStatus = 'requested';
        let holds = 0;
        for (const a of actions) {
          const step = orderStep(status, a, 'card', party === 'elder' && a === 'accept' ? 'provider' : party);
          if (!step) continue;
          expect(['rated', 'cancelled']).not.toContain(status);
          if (step.effect === 'placeHold') holds += 1;
          if (step.effect === 'captureHold' || step.effect === 'releaseHold') holds -= 1;
          expect(holds === 0 || holds === 1).toBe(true);
          status = step.to;
        }
        expect(ORDER_STATUSES).toContain(status);
        if (status === 'accepted' || status === 'visited') expect(holds).toBe(1);
        else expect(holds).toBe(0);
      }),
    );
    expect(orderAmount(1500, 3)).toBe(4500);
  });
});
