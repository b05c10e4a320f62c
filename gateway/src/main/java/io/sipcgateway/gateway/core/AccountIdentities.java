package io.sipcgateway.gateway.core;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.Buddy;
import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.mapping.identity.Identity;
import io.sipcgateway.mapping.identity.IdentityDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The mapping's view of the gateway's account directory: who is who on both sides. */
public final class AccountIdentities implements IdentityDirectory {
    private final AccountDirectory accounts;

    public AccountIdentities(AccountDirectory accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    static Identity identity(Account account) {
        return new Identity(account.sid(), account.coreAor(), Optional.of(account.userId()),
                Optional.of(Integer.toString(FetionUri.partition(account.sid()))), account.mobile());
    }

    @Override
    public Optional<Identity> bySid(String sid) {
        return accounts.bySid(sid).map(AccountIdentities::identity);
    }

    @Override
    public Optional<Identity> byUserId(String userId) {
        return accounts.byUserId(userId).map(AccountIdentities::identity);
    }

    @Override
    public Optional<Identity> byCoreAor(String aor) {
        return accounts.byCoreAor(aor).map(AccountIdentities::identity);
    }

    @Override
    public List<Identity> buddiesOf(String sid) {
        List<Identity> buddies = new ArrayList<>();
        accounts.bySid(sid).ifPresent(account -> {
            for (Buddy buddy : account.buddies()) {
                accounts.resolve(buddy.address()).map(AccountIdentities::identity).ifPresent(buddies::add);
            }
        });
        return buddies;
    }
}
