package io.sipcgateway.sipc;

/** Character classes shared by the model's strict builders and the decoder's lenient parser. */
public final class SipcSyntax {
    private SipcSyntax() {
    }

    /** RFC 3261 25.1 {@code token}: alphanumerics and {@code -.!%*_+`'~}. */
    public static boolean isTokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '!' || c == '%' || c == '*' || c == '_' || c == '+' || c == '`'
                || c == '\'' || c == '~';
    }

    public static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Header values and start-line parts may hold anything but CR, LF, NUL and other control characters. */
    public static int indexOfControl(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }
}
