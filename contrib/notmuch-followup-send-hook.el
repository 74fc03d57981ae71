;;; notmuch-followup-send-hook.el --- look over a follow-up before it goes  -*- lexical-binding: t -*-

;; Part of notmuch-followup.  Free software: same licence as the program.

;;; Commentary:

;; With notmuch-emacs (or any message-mode setup), load this file from
;; your init, after notmuch:
;;
;;     (load "/path/to/contrib/notmuch-followup-send-hook.el")
;;
;; Every message you send is then given to `notmuch-followup check -'
;; first.  When the checker finds something (an unfilled placeholder, a
;; question about pay, a follow-up that is not due yet...) you see what
;; it found and are asked whether to send anyway; answering no stops the
;; send and leaves you in the message buffer, and the draft stays where
;; it was.  When the checker cannot run (not installed, no database) you
;; are told so and the message goes out as usual: the check never stands
;; between you and your mail.
;;
;; The function goes on `message-send-hook' ahead of the other functions
;; there, so that notmuch-emacs does not mark the draft deleted for a
;; send that is then stopped.

;;; Code:

(require 'message)
(require 'subr-x)

(defvar notmuch-followup-program "notmuch-followup"
  "The notmuch-followup program run by `notmuch-followup-check-before-send'.")

(defvar notmuch-followup-check-buffer "*notmuch-followup check*"
  "Name of the buffer that shows what the check found.")

(defun notmuch-followup--run-check (out)
  "Give the current message to `notmuch-followup check -', output to OUT.
The message goes as a mail: the headers, an empty line, the body.
Return the exit status, or a string when the program could not run."
  (let ((msg (current-buffer)))
    (with-temp-buffer
      (insert-buffer-substring msg)
      (goto-char (point-min))
      (when (re-search-forward
             (concat "^" (regexp-quote mail-header-separator) "$") nil t)
        (replace-match "" t t))
      (condition-case err
          (let ((coding-system-for-write 'utf-8-unix)
                (coding-system-for-read 'utf-8-unix))
            (call-process-region (point-min) (point-max)
                                 notmuch-followup-program nil out nil
                                 "check" "-"))
        (file-error (error-message-string err))))))

(defun notmuch-followup-check-before-send ()
  "Check the message about to be sent with `notmuch-followup check -'.
Exit status 1 (findings): show them and ask whether to send anyway;
no stops the send with a `user-error'.  Anything else but 0 (an
error, or a program that cannot run): say so and let the send go on."
  (let* ((out (get-buffer-create notmuch-followup-check-buffer))
         (status (progn
                   (with-current-buffer out
                     (let ((inhibit-read-only t))
                       (erase-buffer)))
                   (notmuch-followup--run-check out)))
         (said (with-current-buffer out
                 (string-trim (buffer-string)))))
    (cond
     ((eql status 0))
     ((eql status 1)
      (display-buffer out)
      (unless (yes-or-no-p
               (format "notmuch-followup check:\n%s\nSend anyway? " said))
        (user-error "Not sent: see %s" notmuch-followup-check-buffer)))
     ((integerp status)
      (message "notmuch-followup check failed (exit %d), not checked: %s"
               status said))
     (t
      (message "notmuch-followup check could not run, not checked: %s"
               (if (string-empty-p said) status said))))))

(add-hook 'message-send-hook #'notmuch-followup-check-before-send -50)

(provide 'notmuch-followup-send-hook)

;;; notmuch-followup-send-hook.el ends here
