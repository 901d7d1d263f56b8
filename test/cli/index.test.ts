/** The command line's catalogue: each command is defined where the catalogue says, and a run loads only its module. */
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, loadCommands } from '../../src/cli/index';

describe('the commands of oms-calc, loaded by module', () => {
  it('the catalogue names every command the modules define, in the order of the help', async () => {
    expect((await loadCommands([])).map((c) => c.name)).toEqual(COMMAND_MODULES.map(([name]) => name));
  });

  it('a run loads the module of the command it names, and only that one', async () => {
    expect((await loadCommands(['sanctions', '--cases', 'cases.csv'])).map((c) => c.name)).toEqual(['sanctions']);
    expect((await loadCommands(['--lang', 'en', 'registry', 'HM.xml'])).map((c) => c.name)).toEqual(['registry']);
    const json = COMMAND_MODULES.filter(([, m]) => m === 'json').map(([name]) => name);
    expect((await loadCommands(['table', '--format', 'table'])).map((c) => c.name)).toEqual(json);
    expect((await loadCommands(['--help'])).map((c) => c.name)).toEqual(COMMAND_MODULES.map(([name]) => name));
    expect(await loadCommands(['--version'])).toEqual([]);
  });
});
