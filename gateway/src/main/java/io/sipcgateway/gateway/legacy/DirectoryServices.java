package io.sipcgateway.gateway.legacy;

import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.legacy.auth.LoginResponses;
import io.sipcgateway.gateway.legacy.auth.ParseResult;
import io.sipcgateway.gateway.legacy.auth.V2ContactListAnswer;
import io.sipcgateway.gateway.legacy.auth.V2ContactsInfoAnswer;
import io.sipcgateway.gateway.legacy.auth.V2PersonalInfoAnswer;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code S} operations the gateway answers from its account directory, since the directory, not the core,
 * holds profiles and contact lists (sections 4.1, 4.2, 7.1: the v2 login is followed by GetPersonalInfo,
 * GetContactList, GetContactsInfo). The v4 client gets its contact list inside the login 200 (section 7.4).
 */
final class DirectoryServices {
    private DirectoryServices() {
    }

    /** Answers {@code request} if it is a directory operation; false if it is not one (the core side takes it). */
    static boolean answer(SignedInUser user, SipcRequest request, AccountDirectory directory,
            Consumer<SipcResponse> send) {
        String operation = request.event().orElse("");
        boolean v2 = SipcVersion.V2.equals(user.version());
        switch (operation) {
            case "GetPersonalInfo":
                if (!v2) {
                    return false;
                }
                send.accept(LoginResponses.ok(request, V2PersonalInfoAnswer.body(user.account())));
                return true;
            case "GetContactList":
                send.accept(LoginResponses.ok(request, V2ContactListAnswer.body(user.account(), directory)));
                return true;
            case "GetContactsInfo":
                ParseResult<List<String>> uris = V2ContactsInfoAnswer.requestedUris(request.body());
                if (uris instanceof ParseResult.Ok<List<String>> ok) {
                    send.accept(LoginResponses.ok(request,
                            V2ContactsInfoAnswer.body(user.account(), ok.value(), directory)));
                } else {
                    send.accept(LoginResponses.status(request, 400));
                }
                return true;
            case "GetOfflineMessages":
                // Offline messages are kept by the core (e.g. Kamailio msilo) and arrive as MESSAGEs on register.
                send.accept(LoginResponses.ok(request, ""));
                return true;
            default:
                return false;
        }
    }
}
