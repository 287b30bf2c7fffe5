// The message cipher of 安全模式 (safe mode): AES-256-CBC with the 43-character EncodingAESKey (+ "=" → 32 bytes),
// IV = the key's first 16 bytes, plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ AppID, padded
// with PKCS#7 to a multiple of 32 bytes (not AES's 16). WebCrypto pads to 16 on its own, so encryption drops the
// block it adds, and decryption appends a block that decrypts to a full 16-byte pad before handing over.
import { type Bytes, concat, fromBase64, fromUtf8, toBase64, utf8 } from './bytes';

const PAD_BLOCK = 32;

export class CipherError extends Error {
  override name = 'CipherError';
}

export interface WechatCipher {
  /** Base64 ciphertext of the message for `appId`; `random` (16 bytes) only for reproducing known samples. */
  encrypt(message: string, appId: string, random?: Bytes): Promise<string>;
  /** The message and the AppID it was sealed for; throws CipherError when the text is not a valid ciphertext. */
  decrypt(base64: string): Promise<{ message: string; appId: string }>;
}

/** A cipher for one EncodingAESKey (43 base64 characters). */
export async function createCipher(encodingAesKey: string): Promise<WechatCipher> {
  const raw = fromBase64(`${encodingAesKey}=`);
  if (raw.length !== 32) throw new CipherError('EncodingAESKey must decode to 32 bytes');
  const iv = raw.slice(0, 16);
  const key = await crypto.subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt', 'decrypt']);
  const aes = (op: 'encrypt' | 'decrypt', data: Bytes, withIv: Bytes = iv) =>
    crypto.subtle[op]({ name: 'AES-CBC', iv: withIv }, key, data).then((b) => new Uint8Array(b));

  return {
    async encrypt(message, appId, random = crypto.getRandomValues(new Uint8Array(16))) {
      const body = utf8(message);
      const length = new Uint8Array(4);
      new DataView(length.buffer).setUint32(0, body.length);
      const plain = concat(random, length, body, utf8(appId));
      const pad = PAD_BLOCK - (plain.length % PAD_BLOCK);
      const padded = concat(plain, new Uint8Array(pad).fill(pad));
      // WebCrypto appends one more block of its own 16-byte padding: the earlier blocks do not depend on it.
      return toBase64((await aes('encrypt', padded)).subarray(0, padded.length));
    },

    async decrypt(base64) {
      let sealed: Bytes;
      try {
        sealed = fromBase64(base64);
      } catch {
        throw new CipherError('not base64');
      }
      if (sealed.length < 32 || sealed.length % 16 !== 0) throw new CipherError('bad length');
      // E(0x10 × 16 ⊕ last block) decrypts, in CBC, to a full block of 0x10: the padding WebCrypto expects.
      const fullPad = (await aes('encrypt', new Uint8Array(16).fill(16), sealed.slice(-16))).subarray(0, 16);
      let padded: Bytes;
      try {
        padded = await aes('decrypt', concat(sealed, fullPad));
      } catch {
        throw new CipherError('cannot decrypt');
      }
      const pad = padded[padded.length - 1]!;
      if (pad < 1 || pad > PAD_BLOCK || padded.length - pad < 20) throw new CipherError('bad padding');
      const plain = padded.subarray(0, padded.length - pad);
      const length = new DataView(plain.buffer, plain.byteOffset).getUint32(16);
      if (20 + length > plain.length) throw new CipherError('bad message length');
      try {
        return { message: fromUtf8(plain.subarray(20, 20 + length)), appId: fromUtf8(plain.subarray(20 + length)) };
      } catch {
        throw new CipherError('not UTF-8');
      }
    },
  };
}
