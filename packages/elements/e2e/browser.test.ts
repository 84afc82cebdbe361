import { readFile } from 'node:fs/promises';
import { startServer } from '@quizwire/reference-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join, launch, missing, openPage, options, shot, textOf } from './harness.js';

const skip = missing();

// One server and one browser for the whole suite, and the games one after another: parallel
// Chromiums on a busy CI machine make countdown-bound steps flaky.
describe.skipIf(skip).sequential('Quizwire in the browser, against the reference server', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', logger: false });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(() => {
    errors = [];
  });

  it('a host and three players play a whole game to the podium', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const host = await openPage(context, `${server.httpUrl}/`, errors);
    await shot(host, 'host-create');
    await host.locator('qw-host input[name=count]').fill('3');
    await host.locator('qw-host form button[type=submit]').click();
    const code = await textOf(host.locator('qw-host .bar .code'));
    expect(code).toMatch(/^[A-Z0-9]{4,12}$/);

    const screen = await openPage(context, `${server.httpUrl}/screen/${code}`, errors);
    const names = ['Ada', 'Grace', '<img src=x onerror=f()>'];
    const players: Page[] = [];
    for (const name of names) players.push(await join(context, server.httpUrl, code, name, errors));

    await host.locator('qw-host qw-lobby [part=player]').nth(2).waitFor();
    await screen.locator('qw-screen qw-lobby [part=player]').nth(2).waitFor();
    expect(await host.locator('qw-host qw-lobby bdi.name').allTextContents()).toEqual(names);
    await shot(host, 'host-lobby');
    await shot(screen, 'screen-lobby');
    await shot(players[0]!, 'player-lobby');

    await host.getByRole('button', { name: 'Start game' }).click();
    for (let round = 0; round < 3; round++) {
      for (const p of players) await options(p).first().waitFor({ timeout: 15_000 });
      if (round === 0) {
        await shot(players[0]!, 'player-question');
        await shot(screen, 'screen-question');
      }
      // One by keyboard, one by mouse, one keyboard on another option.
      await players[0]!.keyboard.press('1');
      await options(players[1]!).nth(1).click();
      await players[2]!.locator('qw-question [part=option]').first().focus();
      await players[2]!.keyboard.press('2');
      await players[0]!.locator('qw-result [part=result]').waitFor();
      if (round === 0) {
        await shot(players[0]!, 'player-result');
        await shot(host, 'host-reveal');
      }
      // reveal → leaderboard → next question; after the last question, reveal → finished.
      const next = host.getByRole('button', { name: 'Next', exact: true });
      const done = host.getByRole('button', { name: 'Download CSV' });
      await next.click();
      await host.locator('qw-host qw-leaderboard:not([source])').or(done).waitFor();
      if (await done.isVisible()) break;
      if (round === 0) await shot(players[1]!, 'player-leaderboard');
      await next.click();
    }

    await host.getByRole('button', { name: 'Download CSV' }).waitFor();
    for (const p of players) await p.locator('qw-podium [part~=place]').first().waitFor();
    await shot(host, 'host-finished');
    await shot(players[0]!, 'player-podium');
    await screen.locator('qw-screen qw-podium').waitFor();
    await shot(screen, 'screen-podium');

    const hostRanking = await host.locator('qw-host qw-leaderboard [part=row] bdi').allTextContents();
    expect([...hostRanking].sort()).toEqual([...names].sort());
    // The hostile nickname stayed text on every page.
    expect(await players[2]!.evaluate(() => document.querySelectorAll('img').length)).toBe(0);

    const download = host.waitForEvent('download');
    await host.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('rank,nickname,score');
    for (const name of ['Ada', 'Grace']) expect(csv).toContain(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('two players duel head to head and both ask for a rematch', { timeout: 150_000 }, async () => {
    const context = await browser.newContext();
    const ada = await openPage(context, `${server.httpUrl}/`, errors);
    await ada.locator('qw-host input[name=mode][value=duel]').check();
    await ada.locator('qw-host input[name=nickname]').fill('Ada');
    await ada.locator('qw-host input[name=count]').fill('2');
    await ada.locator('qw-host form button[type=submit]').click();
    const code = await textOf(ada.locator('qw-duel qw-lobby [part=code]'));
    await shot(ada, 'duel-waiting');

    const grace = await join(context, server.httpUrl, code, 'Grace', errors);
    for (let round = 0; round < 2; round++) {
      await options(ada).first().waitFor({ timeout: 20_000 });
      await options(grace).first().waitFor({ timeout: 20_000 });
      if (round === 0) await shot(grace, 'duel-question');
      await options(ada).first().click();
      await options(grace).nth(1).click();
      await ada.locator('qw-duel qw-result [part=result]').waitFor({ timeout: 30_000 });
      if (round === 0) await shot(ada, 'duel-result');
    }

    const verdicts = [ada, grace].map((p) => p.locator('qw-duel [part=outcome]'));
    for (const v of verdicts) await v.waitFor({ timeout: 30_000 });
    const [a, g] = [await textOf(verdicts[0]!), await textOf(verdicts[1]!)];
    expect([a, g].sort()).toSatisfy(
      (pair: string[]) =>
        (pair[0] === 'It is a draw.' && pair[1] === 'It is a draw.') ||
        (pair[0] === 'You lose.' && pair[1] === 'You win!'),
    );
    expect(await textOf(ada.locator('qw-duel [part=versus]'))).toContain('Grace');
    await shot(ada, 'duel-finished');

    await ada.locator('qw-duel [part=rematch-button]').click();
    await grace.getByText('Ada wants a rematch!').waitFor();
    await grace.locator('qw-duel [part=rematch-button]').click();
    // Both asked: a new duel starts with the same two players.
    await options(ada).first().waitFor({ timeout: 20_000 });
    await options(grace).first().waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the answer given before a mid-question reload, counted once, and the score', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext();
    const host = await openPage(context, `${server.httpUrl}/`, errors);
    await host.locator('qw-host input[name=count]').fill('2');
    await host.locator('qw-host form button[type=submit]').click();
    const code = await textOf(host.locator('qw-host .bar .code'));
    const ada = await join(context, server.httpUrl, code, 'Ada', errors);
    const grace = await join(context, server.httpUrl, code, 'Grace', errors);
    await host.locator('qw-host qw-lobby [part=player]').nth(1).waitFor();
    await host.getByRole('button', { name: 'Start game' }).click();

    await options(ada).first().waitFor({ timeout: 15_000 });
    await ada.keyboard.press('2');
    await ada.getByText('Answer locked in').waitFor();
    await host.getByText('1 of 2 answered').waitFor();

    await ada.reload();
    // The stored session resumes: same player, same question, the answer still chosen and locked.
    const chosen = ada.locator('qw-question [part=option][aria-pressed=true]');
    await chosen.waitFor({ timeout: 15_000 });
    expect(await chosen.getAttribute('data-index')).toBe('1');
    expect(await ada.locator('qw-question [part=option][aria-disabled=false]').count()).toBe(0);
    expect(await textOf(ada.locator('qw-player .me'))).toContain('Ada');
    await shot(ada, 'reload-after');

    await options(grace).first().click();
    await host.getByText('2 of 2 answered').waitFor();
    await ada.locator('qw-result [part=result]').waitFor();
    const points = await textOf(ada.locator('qw-result [part=points]'));
    const header = await textOf(ada.locator('qw-player .me'));

    // Reload again after the reveal: the score survives too.
    await ada.reload();
    await ada.locator('qw-player .me').waitFor({ timeout: 15_000 });
    expect(await textOf(ada.locator('qw-player .me'))).toBe(header);
    expect(await textOf(host.locator('qw-histogram [part=summary]'))).toBe('2 of 2 answered');
    expect(points).toMatch(/^\+\d+ points$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
