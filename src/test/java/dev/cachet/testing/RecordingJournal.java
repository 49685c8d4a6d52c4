package dev.cachet.testing;

import dev.cachet.ca.IssuanceJournal;
import dev.cachet.store.CertificateReservation;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A journal that keeps everything in memory, for tests to check what was recorded and in which order. */
public final class RecordingJournal implements IssuanceJournal {
    private final List<CertificateReservation> reservations = new CopyOnWriteArrayList<>();
    private final Map<BigInteger, byte[]> issued = new ConcurrentHashMap<>();

    @Override
    public void reserve(CertificateReservation reservation) {
        reservations.add(reservation);
    }

    @Override
    public void issued(CertificateReservation reservation, byte[] certificate) {
        if (!reservations.contains(reservation)) {
            throw new IllegalStateException("issued without a reservation: " + reservation.serial());
        }
        issued.put(reservation.serial(), certificate.clone());
    }

    /** @return the reservations, in order */
    public List<CertificateReservation> reservations() {
        return List.copyOf(reservations);
    }

    /** @return the signed certificates by serial */
    public Map<BigInteger, byte[]> issued() {
        return Map.copyOf(issued);
    }
}
