import { todayInIndonesia } from '@registry/contracts';
import { DEV_SECRET_DEFAULT, signDevToken } from '@registry/access';
import { loadRegions } from '@registry/reference-data';

/**
 * For the demo: registers one company Orang Tua Asuh in the kabupaten, pledges it to the first stunted child without
 * a sponsor (from the TPPS's candidate list, once the intervention service has opened the cases), records a first
 * contribution, and returns the sponsor's portal token.
 */
export async function runDemoSponsorCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const regencyCode = argv[0] ?? '36.03';
  const base = `http://127.0.0.1:${env['SPONSORSHIP_PORT'] ?? 3004}`;
  const signed = await signDevToken(
    { role: 'tpps', regencyCode, subject: `demo-${regencyCode}` },
    env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT,
  );
  if (signed.kind !== 'signed') throw new Error(signed.reason);
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { authorization: `Bearer ${signed.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const districts = loadRegions()
    .childrenOf(regencyCode)
    .map((district) => district.code);
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const districtCode of districts) {
      const { items } = (await call('GET', `/v1/sponsorships/candidates?districtCode=${districtCode}`)) as {
        items: Array<{ childId: string }>;
      };
      if (items.length === 0) continue;
      const sponsor = await call('POST', '/v1/sponsors', {
        type: 'company',
        name: 'PT Contoh Peduli Gizi',
        contact: 'csr@contoh.example',
        regencyCode,
      });
      const today = todayInIndonesia(new Date());
      const pledge = await call('POST', '/v1/sponsorships', {
        sponsorId: sponsor['sponsorId'],
        childId: items[0].childId,
        commitment: {
          kind: 'pmt',
          description: 'Paket PMT Rp 17.500 per hari',
          amountIdr: 525_000,
          startOn: `${today.slice(0, 7)}-01`,
          months: 6,
        },
        agreementRef: `BA Rembuk Stunting ${regencyCode} (demo)`,
      });
      await call('POST', `/v1/sponsorships/${String(pledge['id'])}/contributions`, {
        date: today,
        amountIdr: 525_000,
        evidenceRef: 'kwitansi-demo-001',
      });
      log(`sponsor ${String(sponsor['sponsorId'])} pledged to a stunted child of ${districtCode}`);
      return String((sponsor['portal'] as { token: string }).token);
    }
    if (Date.now() > deadline) throw new Error('no stunted child without a sponsor appeared within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
