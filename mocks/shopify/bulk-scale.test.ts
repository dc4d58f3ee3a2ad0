import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startSandboxStore } from './store';
import { graphql, testNow } from './test-support';

/**
 * A store of 100,000 generated customers exported in bulk: the file is written and served as a
 * stream, so neither the run nor the download holds it in memory. Prints the time and the peak
 * growth of the process's resident memory over what the store itself takes.
 */

const GENERATED = 100_000;
const MB = 1024 * 1024;

/** A full collection: what is left is what the process holds (not garbage it has yet to collect). */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const query = `{
  customers {
    edges { node {
      id firstName lastName displayName tags state createdAt updatedAt
      defaultEmailAddress { emailAddress marketingState }
      defaultPhoneNumber { phoneNumber marketingState }
      defaultAddress { address1 city zip countryCodeV2 phone }
      numberOfOrders amountSpent { amount currencyCode }
      addressesV2 { edges { node { id address1 city zip countryCodeV2 phone } } }
      orders { edges { node { id name createdAt displayFinancialStatus displayFulfillmentStatus } } }
    } }
  }
}`;

describe('a bulk export of 100,000 customers', () => {
  it('streams the file with bounded memory, in little time', async () => {
    const sandbox = await startSandboxStore({ now: testNow, extraCustomers: GENERATED, bulk: { startDelayMs: 0, pageDelayMs: 0 } });
    try {
      const { store } = sandbox;
      const customers = store.index.seed.customers;
      const expected = {
        customers: customers.length,
        addresses: customers.reduce((sum, customer) => sum + customer.addresses.length, 0),
        orders: customers.reduce((sum, customer) => sum + customer.orderIds.length, 0),
      };
      await graphql(store, '{ shop { name } }');
      collectGarbage();
      const baseline = process.memoryUsage().rss;
      const heldAtStart = process.memoryUsage().heapUsed;
      let peak = baseline;
      let held = heldAtStart;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      // Now and then, what the process really holds: RSS also counts garbage the collector has not
      // reached yet, which varies with the machine's load; the live heap after a collection does not.
      const census = setInterval(() => {
        collectGarbage();
        held = Math.max(held, process.memoryUsage().heapUsed);
      }, 5000);
      const started = performance.now();

      const answer = await graphql(
        store,
        'mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }',
        {
          q: query,
        },
      );
      const id = (answer.body.data?.bulkOperationRunQuery as { bulkOperation: { id: string } }).bulkOperation.id;
      await store.bulkOperations.settled(Number(id.split('/').pop()));
      const written = performance.now();
      const writePeak = peak;
      const polled = await graphql(store, 'query($id: ID!) { bulkOperation(id: $id) { status url fileSize objectCount } }', { id });
      const operation = polled.body.data?.bulkOperation as { status: string; url: string; fileSize: string; objectCount: string };
      expect(operation.status).toBe('COMPLETED');

      // Download over HTTP and read it line by line, as the BFF does, keeping only counts.
      const url = new URL(operation.url);
      const response = await fetch(`${sandbox.origin}${url.pathname}${url.search}`);
      const counts = { customers: 0, addresses: 0, orders: 0 };
      let bytes = 0;
      let rest = '';
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          const { id: gid } = JSON.parse(line) as { id: string };
          if (gid.startsWith('gid://shopify/Customer/')) counts.customers += 1;
          else if (gid.startsWith('gid://shopify/MailingAddress/')) counts.addresses += 1;
          else counts.orders += 1;
        }
      }
      const downloaded = performance.now();
      clearInterval(sampler);
      clearInterval(census);

      expect(counts).toEqual(expected);
      expect(bytes).toBe(Number(operation.fileSize));
      expect(Number(operation.objectCount)).toBe(expected.customers + expected.addresses + expected.orders);
      const growth = (peak - baseline) / MB;
      console.info(
        `bulk export of ${counts.customers} customers, ${counts.addresses} addresses, ${counts.orders} orders: ` +
          `${(bytes / MB).toFixed(1)} MB written in ${((written - started) / 1000).toFixed(1)} s, downloaded in ${((downloaded - written) / 1000).toFixed(1)} s; ` +
          `peak RSS growth ${growth.toFixed(0)} MB (${((writePeak - baseline) / MB).toFixed(0)} MB while writing) over ${(baseline / MB).toFixed(0)} MB; ` +
          `live heap at most ${((held - heldAtStart) / MB).toFixed(0)} MB above its start`,
      );
      // The export holds a page at a time, never the file: what stays live is a fraction of the file,
      // and even uncollected garbage keeps the process well below what holding it would take.
      expect(bytes / MB).toBeGreaterThan(100);
      expect((held - heldAtStart) / MB).toBeLessThan(bytes / MB / 2);
      expect(growth).toBeLessThan((3 * bytes) / MB);
    } finally {
      await sandbox.close();
    }
  }, 180_000);
});
