import { describe, expect, it } from 'vitest';
import { debugSwitchRefusal, refusedDebugSwitches } from './debug-switches';

const EXE = '/opt/GridDesk/griddesk';

describe('debugging switches of an installed GridDesk', () => {
  it('finds the remote debugging and inspector switches, in every spelling Chromium and Node accept', () => {
    const argv = [
      EXE,
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect=127.0.0.1:9229',
      '--inspect-brk=9230',
      '-remote-debugging-port=9333',
      '--Remote-Debugging-Port=1',
      '--inspect-port=0',
    ];
    expect(refusedDebugSwitches(argv, true, 'linux')).toEqual(argv.slice(1));
  });

  it('reads /switch as a switch on Windows only', () => {
    expect(refusedDebugSwitches([EXE, '/remote-debugging-port=9222'], true, 'win32')).toEqual([
      '/remote-debugging-port=9222',
    ]);
    expect(refusedDebugSwitches([EXE, '/remote-debugging-port=9222'], true, 'linux')).toEqual([]);
  });

  it('lets ordinary switches, values and a file named like a switch after "--" through', () => {
    const argv = [EXE, '--lang=zh-CN', '--disable-gpu', 'inspect', '--', '--inspect'];
    expect(refusedDebugSwitches(argv, true, 'linux')).toEqual([]);
    expect(refusedDebugSwitches([EXE, '--inspector-theme=dark'], true, 'linux')).toEqual([]);
  });

  it('never looks at the executable itself', () => {
    expect(refusedDebugSwitches(['--inspect'], true, 'linux')).toEqual([]);
  });

  it('keeps every switch for a development run (npm start)', () => {
    expect(refusedDebugSwitches([EXE, '--remote-debugging-port=9222', '--inspect'], false, 'linux')).toEqual(
      [],
    );
  });

  it('tells the user, in Chinese first and in English, which switches to drop', () => {
    const { body } = debugSwitchRefusal(['--remote-debugging-port=9222']);
    expect(body).toMatch(/^已安装的网格指挥台不接受调试参数：--remote-debugging-port=9222/);
    expect(body).toContain('does not accept debugging switches: --remote-debugging-port=9222');
  });
});
