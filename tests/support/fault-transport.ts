// A fault layer between a desk and its hub: drops requests or their answers, sends requests
// twice, delays them (so concurrent ones overtake each other), and cuts the desk off entirely.
import type { HubRequest, HubResponse, HubTransport } from '../../src/shared/sync/transport';
import { HubUnreachableError } from '../../src/shared/sync/transport';

export interface FaultRates {
  /** The request never reaches the hub. */
  dropRequest: number;
  /** The hub handles it, the answer is lost. */
  dropResponse: number;
  /** The request reaches the hub twice (the second answer is returned). */
  duplicate: number;
  /** Held back up to `maxDelayMs` before it is sent. */
  delay: number;
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = {
  dropRequest: 0,
  dropResponse: 0,
  duplicate: 0,
  delay: 0,
  maxDelayMs: 0,
};

export class FaultLayer {
  offline = false;
  rates: FaultRates;
  readonly counts = {
    requests: 0,
    dropRequest: 0,
    dropResponse: 0,
    duplicate: 0,
    delay: 0,
    offline: 0,
  };
  private readonly pokeHandlers = new Set<() => void>();

  constructor(
    private readonly random: () => number,
    rates: FaultRates = NO_FAULTS,
  ) {
    this.rates = rates;
  }

  /** Goes back online and lets the desk know (as its socket reconnecting would). */
  heal(): void {
    this.offline = false;
    this.rates = NO_FAULTS;
    for (const poke of this.pokeHandlers) poke();
  }

  wrap(inner: HubTransport): HubTransport {
    const chance = (p: number) => p > 0 && this.random() < p;
    const unreachable = () => new HubUnreachableError('Fault layer: the network is down.');
    return {
      label: inner.label,
      request: async (req: HubRequest): Promise<HubResponse> => {
        this.counts.requests++;
        if (this.offline) {
          this.counts.offline++;
          throw unreachable();
        }
        if (chance(this.rates.delay)) {
          this.counts.delay++;
          await new Promise((r) => setTimeout(r, this.random() * this.rates.maxDelayMs));
        }
        if (chance(this.rates.dropRequest)) {
          this.counts.dropRequest++;
          throw unreachable();
        }
        let res = await inner.request(req);
        if (chance(this.rates.duplicate)) {
          this.counts.duplicate++;
          res = await inner.request(req);
        }
        if (chance(this.rates.dropResponse) || this.offline) {
          this.counts.dropResponse++;
          throw unreachable();
        }
        return res;
      },
      subscribe: (onPoke, onState) => {
        const poke = () => onPoke(0);
        this.pokeHandlers.add(poke);
        const stop = inner.subscribe(
          (v) => {
            if (!this.offline) onPoke(v);
          },
          (open) => onState(open && !this.offline),
        );
        return () => {
          this.pokeHandlers.delete(poke);
          stop();
        };
      },
      setToken: (token) => inner.setToken(token),
      close: () => inner.close(),
    };
  }
}
