import { describe, expect, it } from 'vitest';
import { communityModelNotes } from '@/utils/ui/community-model';

const model = { manifestCid: 'bafyreiabcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopq', seq: 4, heldOutAccuracy: 0.9167, verifiedAt: 1 };
const check = (result: 'no-release' | 'no-model' | 'verified' | 'failed' | 'unreachable', error: string | null = null) => ({
  result,
  releaseCid: null,
  error,
  checkedAt: 1,
});

describe('community model notes', () => {
  it('names the release (short CID) and the held-back accuracy of the model the topics come from', () => {
    expect(communityModelNotes({ model, check: check('verified') })).toEqual([
      { kind: 'using', text: 'Topics from the community model of release bafyre…lmnopq (no. 4), verified on this device · held-back accuracy 92%' },
    ]);
  });

  it('says why there are no topics: none yet, no model in the newest release, verification failed, collector unreachable', () => {
    expect(communityModelNotes({ model: null, check: null }).map((n) => n.kind)).toEqual(['none']);
    expect(communityModelNotes({ model: null, check: check('no-release') }).map((n) => n.kind)).toEqual(['none']);
    expect(communityModelNotes({ model: null, check: check('no-model') }).map((n) => n.kind)).toEqual(['no-model']);
    const failed = communityModelNotes({ model: null, check: check('failed', 'the community model does not match its CID') });
    expect(failed).toEqual([{ kind: 'failed', text: 'The newest community model failed verification and is not used: the community model does not match its CID' }]);
    expect(communityModelNotes({ model: null, check: check('unreachable') }).map((n) => n.kind)).toEqual(['unreachable']);
  });

  it('keeps naming the verified model while a newer one failed or could not be fetched', () => {
    expect(communityModelNotes({ model, check: check('failed', 'x') }).map((n) => n.kind)).toEqual(['using', 'failed']);
    expect(communityModelNotes({ model, check: check('unreachable') }).map((n) => n.kind)).toEqual(['using', 'unreachable']);
  });
});
