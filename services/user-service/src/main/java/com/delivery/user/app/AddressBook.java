package com.delivery.user.app;

import com.delivery.kit.web.ApiException;
import com.delivery.user.domain.Address;
import com.delivery.user.domain.AddressDetails;
import com.delivery.user.domain.Addresses;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's delivery addresses; at most one is the default. */
@Service
public class AddressBook {

    private static final int MAX_ADDRESSES = 20;

    private final Addresses addresses;

    AddressBook(Addresses addresses) {
        this.addresses = addresses;
    }

    @Transactional(readOnly = true)
    public List<Address> list(UUID userId) {
        return addresses.findByUserIdOrderByLabel(userId);
    }

    @Transactional
    public Address add(UUID userId, AddressDetails details) {
        List<Address> existing = addresses.findByUserIdOrderByLabel(userId);
        if (existing.size() >= MAX_ADDRESSES) {
            throw ApiException.conflict("too-many-addresses", "At most " + MAX_ADDRESSES + " addresses per user");
        }
        boolean makeDefault = details.isDefault() || existing.isEmpty();
        if (makeDefault) {
            existing.forEach(Address::clearDefault);
        }
        AddressDetails stored = new AddressDetails(details.label(), details.line1(), details.line2(), details.city(),
                details.postalCode(), details.country(), details.lat(), details.lng(), makeDefault);
        return addresses.save(new Address(UUID.randomUUID(), userId, stored));
    }

    @Transactional
    public Address change(UUID userId, UUID addressId, AddressDetails details) {
        Address address = owned(userId, addressId);
        if (details.isDefault()) {
            addresses.findByUserIdOrderByLabel(userId).forEach(Address::clearDefault);
        }
        address.change(details);
        return addresses.save(address);
    }

    @Transactional
    public void remove(UUID userId, UUID addressId) {
        addresses.delete(owned(userId, addressId));
    }

    private Address owned(UUID userId, UUID addressId) {
        Address address = addresses.findById(addressId).orElseThrow(() -> ApiException.notFound("Address", addressId));
        if (!address.userId().equals(userId)) {
            // someone else's address is indistinguishable from a missing one
            throw ApiException.notFound("Address", addressId);
        }
        return address;
    }
}
