package dev.cachet.policy;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Weaknesses of an RSA modulus that a CA can find cheaply before it certifies it, as Boulder's
 * goodkey does: a small prime factor, the ROCA fingerprint, and primes so close that Fermat's
 * method factors the modulus in a few rounds.
 */
final class RsaModulus {
    /** Boulder tries 100 rounds: primes closer than that are broken at once (CVE-2022-26320). */
    static final int FERMAT_ROUNDS = 100;
    /** The product of the odd primes below 752, as in Boulder's goodkey: a gcd finds small factors. */
    private static final BigInteger SMALL_PRIMES = smallPrimeProduct(752);

    private RsaModulus() {
    }

    /**
     * Looks for a weakness.
     *
     * @param modulus the modulus
     * @return why the modulus is weak, or empty
     */
    static Optional<String> weakness(BigInteger modulus) {
        if (!modulus.gcd(SMALL_PRIMES).equals(BigInteger.ONE)) {
            return Optional.of("the RSA modulus has a small prime factor");
        }
        if (RocaFingerprint.matches(modulus)) {
            return Optional.of("the RSA modulus has the ROCA fingerprint of a weak Infineon key (CVE-2017-15361)");
        }
        if (fermatFactors(modulus, FERMAT_ROUNDS)) {
            return Optional.of("the RSA primes are so close that Fermat's method factors the modulus");
        }
        return Optional.empty();
    }

    /**
     * Fermat's factorisation: {@code n = a^2 - b^2 = (a - b)(a + b)} for {@code a} from the
     * ceiling of the square root of {@code n} upwards.
     *
     * @param n an odd modulus
     * @param rounds how many values of {@code a} to try
     * @return true when a factorisation was found
     */
    static boolean fermatFactors(BigInteger n, int rounds) {
        BigInteger a = n.sqrt();
        if (!a.multiply(a).equals(n)) {
            a = a.add(BigInteger.ONE);
        }
        BigInteger b2 = a.multiply(a).subtract(n);
        for (int i = 0; i < rounds; i++) {
            BigInteger b = b2.sqrt();
            if (b.multiply(b).equals(b2)) {
                return true;
            }
            // (a + 1)^2 - n = b2 + 2a + 1
            b2 = b2.add(a.shiftLeft(1)).add(BigInteger.ONE);
            a = a.add(BigInteger.ONE);
        }
        return false;
    }

    private static BigInteger smallPrimeProduct(int bound) {
        BigInteger product = BigInteger.ONE;
        for (int n = 3; n < bound; n += 2) {
            if (BigInteger.valueOf(n).isProbablePrime(50)) {
                product = product.multiply(BigInteger.valueOf(n));
            }
        }
        return product;
    }
}
